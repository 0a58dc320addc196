import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, join } from 'node:path'
import { freePort, motoServerBinary, motoServerScript } from './motoProcess.mjs'

/**
 * A moto server whose bucket already holds many keys
 *
 * moto answers about 450 PutObject calls a second, so 100,000 over HTTP would take
 * minutes, and it has no bulk write: this starts moto from its own Python and writes the
 * keys into its S3 backend in-process before it serves (about 2 s for 100,000). Tests then
 * talk to it over HTTP like every other moto, with motoServer.py's lighter IAM (it says
 * why). `keyPattern` is a Python f-string over `i`.
 */
const script = String.raw`
import json, sys, threading
spec = json.loads(sys.argv[1])
sys.path.insert(0, spec["supportDir"])
from motoServer import managed_policies_in_aws_partition_only
managed_policies_in_aws_partition_only()
from moto.moto_server.threaded_moto_server import ThreadedMotoServer
from moto.s3.models import s3_backends
from moto.core import DEFAULT_ACCOUNT_ID
server = ThreadedMotoServer(ip_address="127.0.0.1", port=spec["port"], verbose=False)
server.start()
backend = s3_backends[DEFAULT_ACCOUNT_ID]["aws"]
backend.create_bucket(spec["bucket"], spec["region"])
key_of = eval("lambda i: f" + repr(spec["keyPattern"]))
for i in range(spec["count"]):
    backend.put_object(spec["bucket"], key_of(i), b"")
for extra in spec["extra"]:
    backend.put_object(spec["bucket"], extra["key"], extra["body"].encode())
print("ready", flush=True)
threading.Event().wait()
`

export interface SeededMoto {
  endpoint: string
  stop(): Promise<void>
}

export async function startSeededMoto(seed: { bucket: string; region: string; count: number; keyPattern: string; extra: { key: string; body: string }[] }): Promise<SeededMoto> {
  const port = await freePort()
  const child: ChildProcess = spawn(join(dirname(motoServerBinary()), 'python'), ['-c', script, JSON.stringify({ ...seed, port, supportDir: dirname(motoServerScript) })], {
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stderr?.on('data', (chunk) => (output += chunk))
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve())
    child.once('exit', (code) => reject(new Error(`seeded moto exited with ${code}: ${output}`)))
  })
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    },
  }
}
