// Finds the benchmark's peers, or installs them, saying what it does.
//
//   versitygw  the S3 server: `go install github.com/versity/versitygw/cmd/versitygw@v1.7.0`
//   s5cmd      `go install github.com/peak/s5cmd/v2@v2.3.0`; where the module proxy refuses
//              the version list that go install asks for (its deprecation check), the
//              module is fetched with `go mod download` and built from its source instead
//   aws-cli v2 and rclone: Debian's `awscli` and `rclone` (apt-get, when run as root)
//   chromium   Debian's `chromium`, for the UI scenario
//
// Go-built peers land in bench/.cache/bin. A binary found elsewhere is used only when
// `go version -m` shows the pinned version.
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { firstLine, log, runSync } from './util.mjs'

const pins = {
  versitygw: { module: 'github.com/versity/versitygw', pkg: 'github.com/versity/versitygw/cmd/versitygw', version: 'v1.7.0' },
  s5cmd: { module: 'github.com/peak/s5cmd/v2', pkg: 'github.com/peak/s5cmd/v2', version: 'v2.3.0' },
}

const which = (name) => {
  const r = runSync('sh', ['-c', `command -v ${name}`])
  return r.status === 0 ? r.stdout.trim() : null
}

/** The module version a Go binary was built from; null when it has none; undefined without Go. */
function goModuleVersion(binary, module) {
  if (!which('go')) return undefined
  const r = runSync('go', ['version', '-m', binary])
  if (r.status !== 0) return null
  const mod = r.stdout.split('\n').map((l) => l.trim().split(/\s+/)).find((parts) => parts[0] === 'mod' && parts[1] === module)
  return mod ? mod[2] : null
}

function goBinDirs() {
  const gopath = firstLine('go', ['env', 'GOPATH'])
  return [gopath && join(gopath, 'bin'), join(process.env.HOME ?? '/root', 'go', 'bin')].filter(Boolean)
}

/** Our own build records its version beside the binary (a source build has no module version). */
const stampOf = (binary) => (existsSync(`${binary}.version`) ? readFileSync(`${binary}.version`, 'utf8').trim() : null)

function findGoPeer(name, binDir) {
  const pin = pins[name]
  const own = join(binDir, name)
  if (existsSync(own)) {
    const built = goModuleVersion(own, pin.module)
    const version = built === pin.version ? built : stampOf(own)
    if (version === pin.version || version?.startsWith(`${pin.version} `)) return { path: own, version }
  }
  for (const candidate of new Set([which(name), ...goBinDirs().map((d) => join(d, name))].filter(Boolean))) {
    if (!existsSync(candidate)) continue
    const version = goModuleVersion(candidate, pin.module)
    if (version === pin.version) return { path: candidate, version }
    if (version === undefined) return { path: candidate, version: 'unverified (no Go here to read its build info)' }
    log(`${name}: ${candidate} is not ${pin.version} (go version -m says ${version ?? 'no module version'}); not using it.`)
  }
  return null
}

function installGoPeer(name, binDir) {
  const pin = pins[name]
  if (!which('go')) {
    log(`${name}: Go is not installed, so ${name} can't be built. Install Go ≥ 1.22 (https://go.dev/dl, or your package manager), then run again; or put ${name} ${pin.version} on the PATH.`)
    return null
  }
  log(`${name}: installing ${pin.pkg}@${pin.version} with \`GOBIN=${binDir} go install\` (a minute or two the first time)…`)
  const env = { ...process.env, GOBIN: binDir, GOFLAGS: '-buildvcs=false' }
  const r = runSync('go', ['install', `${pin.pkg}@${pin.version}`], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  if (r.status === 0 && existsSync(join(binDir, name))) return { path: join(binDir, name), version: pin.version }
  log(`${name}: go install failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-2).join(' / ')}`)

  // The proxy may refuse @v/list (go install's deprecation check) yet serve the version itself.
  log(`${name}: trying \`go mod download ${pin.module}@${pin.version}\` and a build from that source instead…`)
  const dl = runSync('go', ['mod', 'download', '-json', `${pin.module}@${pin.version}`], { env })
  let dir
  try {
    dir = JSON.parse(dl.stdout).Dir
  } catch {
    dir = null
  }
  if (dl.status !== 0 || !dir || !existsSync(dir)) {
    log(`${name}: go mod download failed too: ${(dl.stderr || dl.stdout).trim().split('\n').slice(-2).join(' / ')}`)
    return null
  }
  const work = mkdtempSync(join(tmpdir(), `cubeta-bench-${name}-`))
  try {
    cpSync(dir, work, { recursive: true })
    runSync('chmod', ['-R', 'u+w', work])
    // A vendor folder that doesn't match go.mod stops the build; modules come from the proxy.
    rmSync(join(work, 'vendor'), { recursive: true, force: true })
    const out = join(binDir, name)
    const b = runSync('go', ['build', '-mod=mod', '-trimpath', '-o', out, '.'], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] })
    if (b.status !== 0 || !existsSync(out)) {
      log(`${name}: the build failed: ${(b.stderr || b.stdout).trim().split('\n').slice(-3).join(' / ')}`)
      return null
    }
    chmodSync(out, 0o755)
    writeFileSync(`${out}.version`, `${pin.version} (built from the module source)\n`)
    return { path: out, version: `${pin.version} (built from the module source)` }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

let aptUpdated = false
function aptInstall(packages) {
  const isRoot = process.getuid?.() === 0
  if (!isRoot || !which('apt-get')) {
    log(`Missing: ${packages.join(', ')}. Install them with:  sudo apt-get install -y ${packages.join(' ')}`)
    return false
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  if (!aptUpdated) {
    log('apt-get update…')
    runSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' })
    aptUpdated = true
  }
  log(`apt-get install -y ${packages.join(' ')}…`)
  const r = runSync('apt-get', ['install', '-y', '-qq', ...packages], { env, stdio: 'inherit' })
  return r.status === 0
}

/** aws-cli v2: `aws` on the PATH may be v1 (pip, pyenv), so /usr/bin/aws is asked first. */
function findAws() {
  for (const candidate of ['/usr/bin/aws', which('aws')].filter(Boolean)) {
    const version = firstLine(candidate, ['--version'], { env: { ...process.env, AWS_CA_BUNDLE: '' } })
    if (version?.startsWith('aws-cli/2')) return { path: candidate, version: version.split(' ')[0] }
    if (version) log(`aws-cli: ${candidate} is ${version.split(' ')[0]}, not v2; not using it.`)
  }
  return null
}

function findRclone() {
  for (const candidate of ['/usr/bin/rclone', which('rclone')].filter(Boolean)) {
    const version = firstLine(candidate, ['version'])
    if (version) return { path: candidate, version: version.trim() }
  }
  return null
}

function findChromium() {
  for (const candidate of ['/usr/bin/chromium', which('chromium'), which('chromium-browser')].filter(Boolean)) {
    const version = firstLine(candidate, ['--version'])
    if (version) return { path: candidate, version }
  }
  return null
}

/**
 * Every peer the selected scenarios need: { name: {path, version} | null }. A missing peer
 * is reported (with how to get it) and its rows are skipped, not faked.
 */
export function preparePeers({ binDir, tools, wantsUi, install = true }) {
  const found = {}
  const want = (name) => tools.includes(name)

  found.versitygw = findGoPeer('versitygw', binDir) ?? (install ? installGoPeer('versitygw', binDir) : null)
  if (want('s5cmd')) found.s5cmd = findGoPeer('s5cmd', binDir) ?? (install ? installGoPeer('s5cmd', binDir) : null)

  const debian = []
  if (want('aws')) found.aws = findAws() ?? (debian.push('awscli'), null)
  if (want('rclone')) found.rclone = findRclone() ?? (debian.push('rclone'), null)
  if (wantsUi) found.chromium = findChromium() ?? (debian.push('chromium'), null)
  if (debian.length > 0 && !install) log(`missing: ${debian.join(', ')} (--no-install: not installing; apt-get install -y ${debian.join(' ')})`)
  if (debian.length > 0 && install && aptInstall(debian)) {
    if (want('aws')) found.aws ??= findAws()
    if (want('rclone')) found.rclone ??= findRclone()
    if (wantsUi) found.chromium ??= findChromium()
  }
  for (const [name, peer] of Object.entries(found)) {
    log(peer ? `${name}: ${peer.path} (${peer.version})` : `${name}: not available; its measurements are skipped.`)
  }
  return found
}
