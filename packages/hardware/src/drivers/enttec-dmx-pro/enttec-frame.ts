/** Start and end delimiters of every Enttec DMX USB Pro message. */
export const ENTTEC_START = 0x7e;
export const ENTTEC_END = 0xe7;
/** Label 6: "Output Only Send DMX Packet Request". */
export const ENTTEC_SEND_DMX = 6;
/** Label 10: "Get Widget Serial Number Request" (and its reply). */
export const ENTTEC_GET_SERIAL = 10;

/**
 * One Enttec DMX USB Pro message: `7E <label> <length LSB> <length MSB> <data> E7`.
 *
 * @example
 * ```ts
 * enttecMessage(10, new Uint8Array(0)); // 7E 0A 00 00 E7
 * ```
 */
export function enttecMessage(label: number, data: Uint8Array): Uint8Array {
  const message = new Uint8Array(data.length + 5);
  message[0] = ENTTEC_START;
  message[1] = label;
  message[2] = data.length & 0xff;
  message[3] = (data.length >> 8) & 0xff;
  message.set(data, 4);
  message[message.length - 1] = ENTTEC_END;
  return message;
}

/**
 * A label-6 DMX frame: start code 0 followed by the channel levels (24 to 512 of them).
 *
 * @example
 * ```ts
 * enttecDmxFrame(new Uint8Array(24)); // 7E 06 19 00 00 <24 zeros> E7
 * ```
 */
export function enttecDmxFrame(levels: Uint8Array): Uint8Array {
  const data = new Uint8Array(levels.length + 1);
  data.set(levels, 1);
  return enttecMessage(ENTTEC_SEND_DMX, data);
}

/** A parsed widget reply. */
export interface EnttecMessage {
  label: number;
  data: Uint8Array;
}

/**
 * An incremental parser of widget replies with a bounded buffer: bytes before a start delimiter are
 * counted as garbage, and a declared length beyond `maxLength` is refused.
 *
 * @example
 * ```ts
 * const parser = createEnttecParser();
 * parser.push(bytes).messages; // [{ label: 10, data: Uint8Array [1, 2, 3, 4] }]
 * ```
 */
export function createEnttecParser(maxLength = 600): { push(bytes: Uint8Array): { messages: EnttecMessage[]; garbage: number } } {
  let buffer: number[] = [];
  return {
    push(bytes) {
      const messages: EnttecMessage[] = [];
      let garbage = 0;
      for (const byte of bytes) {
        if (buffer.length === 0 && byte !== ENTTEC_START) {
          garbage += 1;
          continue;
        }
        buffer.push(byte);
        if (buffer.length < 4) continue;
        const length = (buffer[2] as number) | ((buffer[3] as number) << 8);
        if (length > maxLength) {
          garbage += buffer.length;
          buffer = [];
          continue;
        }
        if (buffer.length < length + 5) continue;
        if (buffer[buffer.length - 1] === ENTTEC_END) messages.push({ label: buffer[1] as number, data: Uint8Array.from(buffer.slice(4, 4 + length)) });
        else garbage += buffer.length;
        buffer = [];
      }
      return { messages, garbage };
    },
  };
}
