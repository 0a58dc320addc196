import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { connect, createServer as createPlainServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, getCACertificates, setDefaultCACertificates } from 'node:tls'

/** A certificate for 127.0.0.1, made with openssl for one test file. */
export function testCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cubeta-test-cert-'))
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')])
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`)
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') }
}

/**
 * Trusts the certificate in this process, as a system CA would be: every TLS client
 * (the SDK's HTTPS agent, the lean GET) checks the server against it. Returns the undo.
 */
export function trustForThisProcess(cert: string): () => void {
  setDefaultCACertificates([...getCACertificates('default'), cert])
  return () => setDefaultCACertificates(getCACertificates('default'))
}

/** TLS in front of a plain TCP server (the fault proxy, moto): HTTPS as real S3 speaks it. */
export async function startTlsFront(target: { host: string; port: number }, certificate: { key: string; cert: string }): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server: Server = createServer(certificate, (client) => {
    const upstream = connect(target.port, target.host)
    client.pipe(upstream).pipe(client)
    client.on('error', () => upstream.destroy())
    upstream.on('error', () => client.destroy())
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return { endpoint: `https://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/**
 * One scripted server, over plain TCP and over TLS (a certificate made and trusted here),
 * for tests that write answers byte by byte. `close` forgets the certificate and ends
 * every connection, kept-alive ones included.
 */
export async function startScriptedServers(onConnection: (socket: Socket) => void): Promise<{ ports: { http: number; https: number }; close(): Promise<void> }> {
  const certificate = testCertificate()
  const untrust = trustForThisProcess(certificate.cert)
  const open = new Set<Socket>()
  const tracked = (socket: Socket) => {
    open.add(socket)
    socket.once('close', () => open.delete(socket))
    onConnection(socket)
  }
  const servers = [createPlainServer(tracked), createServer(certificate, tracked)]
  const [http, https] = await Promise.all(
    servers.map(async (server) => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      return (server.address() as { port: number }).port
    }),
  )
  return {
    ports: { http: http!, https: https! },
    async close() {
      untrust()
      for (const socket of open) socket.destroy()
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))))
    },
  }
}
