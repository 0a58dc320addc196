import { Readable } from 'node:stream'
import { crc32 } from 'node:zlib'

export interface ZipEntry {
  name: string
  size: number
  modifiedMs: number | null
  /** The entry's bytes, opened only when the zip reaches it. */
  open(): Promise<AsyncIterable<Buffer>>
}

/**
 * A ZIP archive written as a stream, one entry after another, never held in memory
 *
 * Hand-written rather than a library: the format needed here is small (stored entries,
 * no compression: photos and static bundles are compressed already), and none of the
 * well-kept streaming zip packages (archiver, yazl) is in the project, whose
 * dependencies the team keeps few. Each entry is a local header, its bytes and a data
 * descriptor with the CRC-32 computed on the way (node:zlib's crc32); the central
 * directory follows. ZIP64 records appear only where a size, an offset or the entry
 * count outgrows the classic fields. Names are UTF-8 (flag bit 11).
 */
export function zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): Readable {
  return Readable.from(generate(entries), { objectMode: false })
}

const max32 = 0xffffffff

async function* generate(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): AsyncGenerator<Buffer> {
  let offset = 0
  const central: Buffer[] = []
  let count = 0
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const [time, date] = dosDateTime(entry.modifiedMs ?? Date.now())
    const zip64 = entry.size >= max32 || offset >= max32
    const headerOffset = offset
    const localExtra = zip64 ? zip64Extra([0, 0]) : Buffer.alloc(0)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(zip64 ? 45 : 20, 4)
    local.writeUInt16LE(0x0808, 6)
    local.writeUInt16LE(0, 8)
    local.writeUInt16LE(time, 10)
    local.writeUInt16LE(date, 12)
    local.writeUInt32LE(0, 14)
    local.writeUInt32LE(zip64 ? max32 : 0, 18)
    local.writeUInt32LE(zip64 ? max32 : 0, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(localExtra.length, 28)
    yield Buffer.concat([local, name, localExtra])
    offset += 30 + name.length + localExtra.length

    let crc = 0
    let size = 0
    for await (const chunk of await entry.open()) {
      crc = crc32(chunk, crc)
      size += chunk.length
      yield chunk
    }
    offset += size
    const descriptor = Buffer.alloc(zip64 ? 24 : 16)
    descriptor.writeUInt32LE(0x08074b50, 0)
    descriptor.writeUInt32LE(crc >>> 0, 4)
    if (zip64) {
      descriptor.writeBigUInt64LE(BigInt(size), 8)
      descriptor.writeBigUInt64LE(BigInt(size), 16)
    } else {
      descriptor.writeUInt32LE(size, 8)
      descriptor.writeUInt32LE(size, 12)
    }
    yield descriptor
    offset += descriptor.length

    const bigSize = size >= max32
    const bigOffset = headerOffset >= max32
    const centralExtra = bigSize || bigOffset ? zip64Extra([...(bigSize ? [size, size] : []), ...(bigOffset ? [headerOffset] : [])]) : Buffer.alloc(0)
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE((3 << 8) | 45, 4)
    record.writeUInt16LE(zip64 || bigSize || bigOffset ? 45 : 20, 6)
    record.writeUInt16LE(0x0808, 8)
    record.writeUInt16LE(0, 10)
    record.writeUInt16LE(time, 12)
    record.writeUInt16LE(date, 14)
    record.writeUInt32LE(crc >>> 0, 16)
    record.writeUInt32LE(bigSize ? max32 : size, 20)
    record.writeUInt32LE(bigSize ? max32 : size, 24)
    record.writeUInt16LE(name.length, 28)
    record.writeUInt16LE(centralExtra.length, 30)
    record.writeUInt32LE((0o100644 << 16) >>> 0, 38)
    record.writeUInt32LE(bigOffset ? max32 : headerOffset, 42)
    central.push(Buffer.concat([record, name, centralExtra]))
    count++
  }
  const directory = Buffer.concat(central)
  const directoryOffset = offset
  const needs64 = count >= 0xffff || directoryOffset >= max32 || directory.length >= max32
  yield directory
  offset += directory.length
  if (needs64) {
    const end64 = Buffer.alloc(56)
    end64.writeUInt32LE(0x06064b50, 0)
    end64.writeBigUInt64LE(44n, 4)
    end64.writeUInt16LE(45, 12)
    end64.writeUInt16LE(45, 14)
    end64.writeBigUInt64LE(BigInt(count), 24)
    end64.writeBigUInt64LE(BigInt(count), 32)
    end64.writeBigUInt64LE(BigInt(directory.length), 40)
    end64.writeBigUInt64LE(BigInt(directoryOffset), 48)
    const locator = Buffer.alloc(20)
    locator.writeUInt32LE(0x07064b50, 0)
    locator.writeBigUInt64LE(BigInt(offset), 8)
    locator.writeUInt32LE(1, 16)
    yield Buffer.concat([end64, locator])
  }
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(needs64 ? 0xffff : count, 8)
  end.writeUInt16LE(needs64 ? 0xffff : count, 10)
  end.writeUInt32LE(needs64 ? max32 : directory.length, 12)
  end.writeUInt32LE(needs64 ? max32 : directoryOffset, 16)
  yield end
}

function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length)
  extra.writeUInt16LE(0x0001, 0)
  extra.writeUInt16LE(8 * values.length, 2)
  values.forEach((value, i) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * i))
  return extra
}

/** MS-DOS time and date, local time, as ZIP stores them (years 1980 to 2107). */
function dosDateTime(ms: number): [number, number] {
  const d = new Date(ms)
  const year = Math.min(2107, Math.max(1980, d.getFullYear()))
  return [(d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2), ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate()]
}
