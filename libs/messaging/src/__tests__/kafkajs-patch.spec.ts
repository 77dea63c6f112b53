/* eslint-disable @typescript-eslint/no-require-imports */
type KafkajsEncoder = {
  buf: Buffer;
  buffer: Buffer;
  writeInt8(v: number): KafkajsEncoder;
  writeVarIntString(v: string): KafkajsEncoder;
};
const Encoder = require('kafkajs/src/protocol/encoder') as new (size?: number) => KafkajsEncoder;

describe('the kafkajs patch (patches/kafkajs+2.2.4.patch)', () => {
  it("makes kafkajs's encoder take pooled, not zero-filled, buffers (one per record and header)", () => {
    // Buffer.alloc(512) owns a 512-byte ArrayBuffer; Buffer.allocUnsafe(512) is a slice of Node's pool.
    expect(new Encoder().buf.buffer.byteLength).toBe(Buffer.poolSize);
  });

  it('still exposes only the bytes written', () => {
    const encoded = new Encoder().writeInt8(5).writeVarIntString('ab').buffer;
    expect([...encoded]).toEqual([5, 4, 0x61, 0x62]); // varint length 2 (zigzag: 4), then "ab"
  });
});
