"""moto_server for the tests, with AWS's managed policies only where the tests use them

MOTO_IAM_LOAD_MANAGED_POLICIES makes every IAM backend build its 1,582 AWS managed
policies, and moto keeps one IAM backend per partition: a request signed with a key that
IAM did not create (the tests' admin key) makes all six partitions' backends exist, and
/moto-api/reset rebuilds all six before it drops them. That was twelve builds (about 4 s
of CPU on these machines) for every moto reset, that is for every journey and most
integration tests. Every test here is in the `aws` partition (us-east-1, eu-west-1...),
so the other partitions get no managed policies, and the backends a reset rebuilds only
to drop them get none either. The `aws` backend built on first use after a reset keeps
all of them: AttachUserPolicy of arn:aws:iam::aws:policy/AmazonS3FullAccess works as
before.

Run with moto's python: `python motoServer.py -H 127.0.0.1 -p PORT` (moto_server's
arguments); tests/support/seededMoto.ts imports it for its patch.
"""
import sys

from moto.iam.models import IAMBackend

_build_managed_policies = IAMBackend._init_aws_policies
_reset = IAMBackend.reset
_resetting = False


def managed_policies_in_aws_partition_only():
    def build(self):
        # An IAM backend's region_name is its partition: "aws", "aws-cn", "aws-us-gov"...
        if _resetting or self.region_name != "aws":
            return []
        return _build_managed_policies(self)

    def reset(self):
        # Only BackendDict.reset() calls this, under moto's backend lock, and drops the
        # backend right after: what it rebuilds here is never used.
        global _resetting
        _resetting = True
        try:
            _reset(self)
        finally:
            _resetting = False

    IAMBackend._init_aws_policies = build
    IAMBackend.reset = reset


if __name__ == "__main__":
    managed_policies_in_aws_partition_only()
    from moto.server import main

    main(sys.argv[1:])
