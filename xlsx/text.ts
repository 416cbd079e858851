/**
 * Bytes <-> text for the package layer. TextDecoder and TextEncoder exist in every host we run in
 * (Node, browsers, the Office task pane), but they belong to neither ES2022 nor a library the layer
 * may name (no DOM lib, no Node types, as in core), so they are reached through globalThis here,
 * once.
 *
 * XML parts are UTF-8 unless they start with a UTF-16 byte-order mark (the XML standard allows
 * both, and a few writers use UTF-16); a UTF-8 byte-order mark is dropped.
 */

interface Decoder {
  decode(input: Uint8Array): string;
}
interface Encoder {
  encode(input: string): Uint8Array;
}
interface Codecs {
  TextDecoder: new (label?: string) => Decoder;
  TextEncoder: new () => Encoder;
}

const platform = globalThis as unknown as Codecs;
const utf8 = new platform.TextDecoder("utf-8");
const encoder = new platform.TextEncoder();

/** The text of an XML part (UTF-8, or UTF-16 with a byte-order mark). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new platform.TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new platform.TextDecoder("utf-16be").decode(bytes.subarray(2));
  const text = utf8.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** UTF-8 bytes of a string. */
export function encodeText(text: string): Uint8Array {
  return encoder.encode(text);
}
