/**
 * Keys that broke other S3 clients: spaces, a literal +, #, ?, %, UTF-8, emoji, and a
 * 1,000-byte key. The long one nests folders because a file name may have only 255
 * bytes, and the same key must also come from a real file for upload tests.
 */
export const longKey = `d/${`${'é'.repeat(100)}/`.repeat(4)}${'é'.repeat(97)}`
export const oddKeys = ['año 2024/foto niño+1 #2.png', 'a b+c%d?.txt', '📷/gato 🐱.jpg', longKey]
