// Bench helper: reads Enttec DMX USB Pro label-6 frames from a pseudo-terminal and times their arrival.
// Usage: node dmx-reader.mjs <path> <frames>. Prints one JSON line once <frames> frames are complete:
// { frames, bad, arrivals } (arrival times in ms on the monotonic clock, process.hrtime, which every process
// of the machine shares, so the bench can set them against the sender's write times), then exits. Answers
// the serial-number request (label 10) as a widget does, so the driver's heartbeat holds.
import { openSync, writeSync } from 'node:fs';
import { ReadStream } from 'node:tty';

const [path, countText] = process.argv.slice(2);
const wanted = Number(countText);
const fd = openSync(path, 'r+');
const input = new ReadStream(fd);
const arrivals = [];
let bad = 0;
let header = [];
let label = 0;
let remaining = 0;
let checksum = 0;
input.on('data', (chunk) => {
  const now = Number(process.hrtime.bigint()) / 1e6;
  for (const byte of chunk) {
    if (remaining > 0) {
      remaining -= 1;
      if (remaining === 0) {
        if (byte !== 0xe7) bad += 1;
        else if (label === 6) arrivals.push(now);
        else if (label === 10) writeSync(fd, Uint8Array.of(0x7e, 10, 4, 0, 0x78, 0x56, 0x34, 0x12, 0xe7));
        header = [];
      } else checksum += byte;
      continue;
    }
    if (header.length === 0 && byte !== 0x7e) {
      bad += 1;
      continue;
    }
    header.push(byte);
    if (header.length < 4) continue;
    const [, kind, low, high] = header;
    label = kind;
    if (label !== 6 && label !== 10) bad += 1;
    remaining = (low | (high << 8)) + 1;
  }
  if (arrivals.length >= wanted) {
    process.stdout.write(`${JSON.stringify({ frames: arrivals.length, bad, checksum, arrivals })}\n`);
    process.exit(0);
  }
});
process.stdout.write('{"ready":true}\n');
