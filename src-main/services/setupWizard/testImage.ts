import { crc32, deflateSync } from 'node:zlib'

/**
 * A small PNG made on the spot, for the test upload
 *
 * Generated rather than shipped so there's no asset to lose; a 48×48 teal bucket-ish
 * gradient is enough for the browser to show and for the bytes to be compared.
 */
export function makeTestPng(size = 48): Buffer {
  const rows: Buffer[] = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3)
    for (let x = 0; x < size; x++) {
      const inside = Math.abs(x - size / 2) < size / 2 - 4 - y / 8 && y > 6 && y < size - 4
      row[1 + x * 3] = inside ? 20 : 240
      row[2 + x * 3] = inside ? 130 + Math.round((y / size) * 60) : 244
      row[3 + x * 3] = inside ? 140 : 246
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body) >>> 0)
  return Buffer.concat([length, body, crc])
}
