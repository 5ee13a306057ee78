// A fake serial device: opens the far end of a socat pty pair and speaks one protocol. It decodes what it
// receives on its own (independently of the package under test) and reports each decoded message as one
// JSON line on stdout. Usage: node fake-device-process.mjs <path> <protocol>
import { openSync, writeSync } from 'node:fs';
import { ReadStream } from 'node:tty';

const [path, protocol] = process.argv.slice(2);
const fd = openSync(path, 'r+');
const input = new ReadStream(fd);
const report = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
const send = (bytes) => writeSync(fd, Uint8Array.from(bytes));

const protocols = {
  // Answers every 0x50 ('P') with 0x70 ('p') and every 0x47 ('G') with garbage (0xEE); reports other bytes.
  ping(chunk) {
    for (const byte of chunk) {
      if (byte === 0x50) send([0x70]);
      else if (byte === 0x47) send([0xee]);
      else report({ byte });
    }
  },
  // Counts bytes and answers nothing: a device that went silent.
  silent(chunk) {
    report({ bytes: chunk.length });
  },
  // LCUS relay boards: A0 <channel> <state> <checksum = sum of the three, mod 256>.
  'lcus-relay': (() => {
    let frame = [];
    return (chunk) => {
      for (const byte of chunk) {
        if (frame.length === 0 && byte !== 0xa0) {
          report({ error: 'bad start', byte });
          continue;
        }
        frame.push(byte);
        if (frame.length < 4) continue;
        const [start, channel, state, checksum] = frame;
        frame = [];
        if (((start + channel + state) & 0xff) !== checksum) report({ error: 'bad checksum', frame: [start, channel, state, checksum] });
        else report({ channel, state });
      }
    };
  })(),
};

const handle = protocols[protocol];
if (handle === undefined) {
  process.stderr.write(`unknown protocol ${protocol}\n`);
  process.exit(2);
}
input.on('data', (chunk) => handle(chunk));
input.on('error', () => process.exit(0));
input.on('end', () => process.exit(0));
report({ ready: true });
