"""Drives a throwaway Django project the way its own code would, for the handover test.

tests/support/djangoProject.ts copies this file beside manage.py and runs it as
`python djangoProbe.py REQUEST.json`. It prints one JSON answer. Everything S3 goes
through the project's own settings: default_storage, staticfiles_storage, and clients
built from the settings' key, never from the environment (the test runs this with a
clean one and a throwaway HOME).
"""

import base64
import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "blog.settings")

import boto3  # noqa: E402
import django  # noqa: E402
from botocore.exceptions import ClientError  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles.storage import staticfiles_storage  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from django.template import engines  # noqa: E402


def describe(_request):
    return {
        "django": django.get_version(),
        "default": [type(default_storage._wrapped).__name__, default_storage.location],
        "staticfiles": [type(staticfiles_storage._wrapped).__name__, staticfiles_storage.location],
    }


def save(request):
    saved = []
    for item in request["files"]:
        name = default_storage.save(item["name"], ContentFile(base64.b64decode(item["base64"])))
        saved.append({"name": name, "url": default_storage.url(name)})
    return saved


def storage(request):
    """What django-storages itself asks S3 for: exists, listdir, open, delete."""
    name, folder = request["name"], request["folder"]
    with default_storage.open(name, "rb") as opened:
        size = len(opened.read())
    answer = {"exists": default_storage.exists(name), "listdir": default_storage.listdir(folder), "size": size}
    if request.get("delete"):
        default_storage.delete(name)
        answer["existsAfterDelete"] = default_storage.exists(name)
    return answer


def render(request):
    return engines["django"].from_string(request["template"]).render(request["context"])


def outcome(call):
    try:
        call()
    except ClientError as error:
        return error.response.get("Error", {}).get("Code", "ClientError")
    return "allowed"


def forbidden(request):
    """Everything beyond a Django app's needs, tried with the settings' own key."""
    bucket, other = settings.AWS_STORAGE_BUCKET_NAME, request["otherBucket"]
    session = boto3.session.Session(
        aws_access_key_id=settings.AWS_ACCESS_KEY_ID,
        aws_secret_access_key=settings.AWS_SECRET_ACCESS_KEY,
        region_name=settings.AWS_S3_REGION_NAME,
    )
    s3 = session.client("s3", endpoint_url=settings.AWS_S3_ENDPOINT_URL)
    iam = session.client("iam", endpoint_url=settings.AWS_S3_ENDPOINT_URL, region_name="us-east-1")
    private = {"BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True}
    policy = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": f"arn:aws:s3:::{bucket}/*"}]})
    calls = {
        "s3:PutBucketPolicy": lambda: s3.put_bucket_policy(Bucket=bucket, Policy=policy),
        "s3:DeleteBucketPolicy": lambda: s3.delete_bucket_policy(Bucket=bucket),
        "s3:PutBucketPublicAccessBlock": lambda: s3.put_public_access_block(Bucket=bucket, PublicAccessBlockConfiguration=private),
        "s3:DeleteBucket": lambda: s3.delete_bucket(Bucket=bucket),
        "s3:PutObjectAcl": lambda: s3.put_object_acl(Bucket=bucket, Key=request["ownKey"], ACL="public-read"),
        "s3:ListAllMyBuckets": lambda: s3.list_buckets(),
        "s3:ListBucket (other bucket)": lambda: s3.list_objects_v2(Bucket=other),
        "s3:PutObject (other bucket)": lambda: s3.put_object(Bucket=other, Key="x.txt", Body=b"x"),
        "s3:GetObject (other bucket)": lambda: s3.get_object(Bucket=other, Key=request["otherKey"]),
        "iam:ListUsers": lambda: iam.list_users(),
        "iam:CreateAccessKey": lambda: iam.create_access_key(UserName=request["userName"]),
        "iam:CreateUser": lambda: iam.create_user(UserName="intruder"),
    }
    return {name: outcome(call) for name, call in calls.items()}


actions = {"describe": describe, "save": save, "storage": storage, "render": render, "forbidden": forbidden}

if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as file:
        request = json.load(file)
    json.dump(actions[request["action"]](request), sys.stdout, ensure_ascii=False)
