// A fake serial device: opens the far end of a socat pty pair and speaks one protocol. It decodes what it
// receives on its own (independently of the package under test) and reports each decoded message as one
// JSON line on stdout. Usage: node fake-device-process.mjs <path> <protocol>
// With FAKE_LINE_OF=<the host's end of the pair>, it also watches the line speed the host sets there
// (line-speed-watcher.py), reports each as { lineSpeed }, and decodes the TrueRNGpro mode knock as its
// firmware does: speeds 110, 300, 110 and then a fourth, the mode's, reported as { mode }.
// With FAKE_REATTACH=1, a port that vanishes (socat killed: an unplug) does not end the process: each line
// `attach` on stdin opens the path again (once socat has made it again) and reports { ready } again, so an
// unplug/replug cycle does not pay a process start.
import { spawn } from 'node:child_process';
import { openSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ReadStream } from 'node:tty';
import { createSeededRandom } from '@vajra-stream/core/testing';

const [path, protocol, seedText = '1'] = process.argv.slice(2);
let fd;
let input;
const reattach = process.env.FAKE_REATTACH === '1';
const attach = () => {
  input?.destroy();
  fd = openSync(path, 'r+');
  const opened = new ReadStream(fd);
  input = opened;
  const gone = () => (reattach ? opened.destroy() : process.exit(0));
  opened.on('data', (chunk) => handle(chunk));
  opened.on('error', gone);
  opened.on('end', gone);
};
attach();
if (reattach)
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line !== 'attach') return;
    attach();
    report({ ready: true });
  });
const report = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
// A full pseudo-terminal (the host stopped reading) drops what does not fit, as a UART would.
const send = (bytes) => {
  try {
    writeSync(fd, bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
  } catch (error) {
    if (error.code !== 'EAGAIN') throw error;
  }
};

const random = createSeededRandom(Number(seedText));
// A byte whose bits are each 1 with probability `bias`.
const biasedByte = (bias) => {
  let byte = 0;
  for (let bit = 0; bit < 8; bit += 1) if (random() < bias) byte |= 1 << bit;
  return byte;
};
let streaming;
const stream = (bias) => {
  streaming ??= setInterval(() => send(Array.from({ length: 250 }, () => biasedByte(bias))), 5);
};

// Enttec DMX USB Pro messages: 7E <label> <len LSB> <len MSB> <data> E7.
const enttec = () => {
  let frame = [];
  let frames = 0;
  return (chunk) => {
    for (const byte of chunk) {
      if (frame.length === 0 && byte !== 0x7e) {
        report({ error: 'bad start', byte });
        continue;
      }
      frame.push(byte);
      if (frame.length < 4) continue;
      const length = frame[2] | (frame[3] << 8);
      if (frame.length < length + 5) continue;
      const [, label] = frame;
      const data = frame.slice(4, 4 + length);
      const end = frame[frame.length - 1];
      frame = [];
      if (end !== 0xe7) {
        report({ error: 'bad end', label, end });
        continue;
      }
      if (label === 6) {
        frames += 1;
        // Every frame is checked; a summary of every tenth goes out (40 fps of JSON would drown the test).
        if (data[0] !== 0) report({ error: 'bad start code', startCode: data[0] });
        if (frames % 10 === 1 || process.env.FAKE_REPORT_EVERY_FRAME) report({ dmx: { channels: length - 1, levels: data.slice(1, 9), sum: data.slice(1).reduce((a, b) => a + b, 0), frames } });
      } else if (label === 10) {
        report({ serialRequest: true });
        send([0x7e, 10, 4, 0, 0x78, 0x56, 0x34, 0x12, 0xe7]);
      } else report({ label, length });
    }
  };
};

// StandardFirmata on an Uno, written from the Firmata protocol description: answers the handshake,
// decodes pin modes, digital port writes, PWM and report requests; with FAKE_HALL_PULSES it drives a
// hall sensor on FAKE_HALL_PIN low that many times once the motor pin FAKE_MOTOR_PIN gets a PWM above 0.
const firmataBoard = () => {
  const hallPin = Number(process.env.FAKE_HALL_PIN ?? 2);
  const motorPin = Number(process.env.FAKE_MOTOR_PIN ?? 9);
  let pulsesLeft = Number(process.env.FAKE_HALL_PULSES ?? 0);
  const reported = new Set();
  let message = [];
  const name = [...'FakeFirmata'].flatMap((c) => [c.charCodeAt(0), 0]);
  const firmware = () => send([0xf0, 0x79, 2, 5, ...name, 0xf7]);
  const capabilities = () => {
    const body = [];
    for (let pin = 0; pin < 20; pin += 1) body.push(0, 1, 1, 1, 0x0b, 1, ...([3, 5, 6, 9, 10, 11].includes(pin) ? [3, 8] : []), ...(pin >= 14 ? [2, 10] : []), 0x7f);
    send([0xf0, 0x6c, ...body, 0xf7]);
  };
  const hall = (level) => {
    const port = hallPin >> 3;
    const value = 0xff & ~(level ? 0 : 1 << (hallPin & 7));
    if (reported.has(port)) send([0x90 | port, value & 0x7f, value >> 7]);
  };
  const spin = () => {
    const timer = setInterval(() => {
      if (pulsesLeft <= 0) return clearInterval(timer);
      pulsesLeft -= 1;
      hall(0);
      hall(1);
    }, 5);
  };
  send([0xf9, 2, 5]);
  firmware();
  return (chunk) => {
    for (const byte of chunk) {
      if (message.length === 0 && byte < 0x80) continue;
      message.push(byte);
      const [command] = message;
      if (command === 0xf0 ? byte !== 0xf7 : message.length < (command === 0xf9 ? 1 : (command & 0xf0) === 0xc0 || (command & 0xf0) === 0xd0 ? 2 : 3)) continue;
      const [, a, b] = message;
      const body = message;
      message = [];
      if (command === 0xf9) send([0xf9, 2, 5]);
      else if (command === 0xf0 && a === 0x79) {
        report({ firmwareQuery: true });
        firmware();
      } else if (command === 0xf0 && a === 0x6b) capabilities();
      else if (command === 0xf0 && a === 0x69) send([0xf0, 0x6a, ...Array.from({ length: 20 }, (_, pin) => (pin >= 14 ? pin - 14 : 0x7f)), 0xf7]);
      else if (command === 0xf0) report({ sysex: body });
      else if (command === 0xf4) report({ pinMode: { pin: a, mode: b } });
      else if ((command & 0xf0) === 0x90) report({ digital: { port: command & 0x0f, value: a | (b << 7) } });
      else if ((command & 0xf0) === 0xe0) {
        report({ pwm: { pin: command & 0x0f, value: a | (b << 7) } });
        if ((command & 0x0f) === motorPin && (a | (b << 7)) > 0) spin();
      } else if ((command & 0xf0) === 0xd0) {
        if (a) reported.add(command & 0x0f);
        report({ reportDigital: { port: command & 0x0f, on: a } });
        hall(1);
      } else if ((command & 0xf0) === 0xc0) {
        report({ reportAnalog: { channel: command & 0x0f, on: a } });
        if (a) send([0xe0 | (command & 0x0f), 0x00, 0x04]);
      }
    }
  };
};

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
  'enttec-dmx-pro': enttec(),
  ...(protocol === 'firmata' ? { firmata: firmataBoard() } : {}),
  // A widget that answers its serial-number request with half a message and then nothing.
  'enttec-stall': (chunk) => {
    if (chunk.includes(0x0a)) send([0x7e, 10, 4, 0, 0x78]);
  },
  // A device that floods garbage as soon as anything arrives: as fast as the pseudo-terminal takes it.
  flood: () => {
    if (streaming !== undefined) return;
    const block = new Uint8Array(65_536).fill(0x55);
    streaming = setInterval(() => {
      for (let index = 0; index < 16; index += 1) send(block);
    }, 1);
  },
  // A device that answers everything with 200 bytes of garbage (no 0x7E start, no frame).
  garbage: () => send(new Uint8Array(200).fill(0x55)),
  // TrueRNG: streams as soon as the port is open (bias from FAKE_RNG_BIAS, default 0.5).
  truerng: () => undefined,
  // OneRNG, parsing commands as its firmware does (cdc_app.c): `c`, `m`, `d`, then one command character;
  // any other character resets the parser. A hex digit selects the noise source as a bit mask (bit 0:
  // whitener off, bit 1: RF on, bit 2: avalanche off), `O` starts the stream, `o` pauses it, `w` flushes.
  // Reports every command and the decoded source.
  onerng: (() => {
    let state = 0;
    return (chunk) => {
      for (const byte of chunk) {
        const char = String.fromCharCode(byte);
        if (state < 3) {
          state = char === 'cmd'[state] ? state + 1 : 0;
          continue;
        }
        state = 0;
        report({ command: `cmd${char}` });
        if (/^[0-9a-fA-F]$/.test(char)) {
          const bits = Number.parseInt(char, 16);
          report({ source: { whitened: (bits & 1) === 0, rf: (bits & 2) !== 0, avalanche: (bits & 4) === 0 } });
        } else if (char === 'O') stream(Number(process.env.FAKE_RNG_BIAS ?? 0.5));
        else if (char === 'o') {
          clearInterval(streaming);
          streaming = undefined;
        }
      }
    };
  })(),
};

const handle = protocols[protocol];
if (handle === undefined) {
  process.stderr.write(`unknown protocol ${protocol}\n`);
  process.exit(2);
}
// The line speeds the host set, in order, and the TrueRNGpro mode they selected.
const watchLine = (hostPath) =>
  new Promise((resolve) => {
    const watcher = spawn('python3', [fileURLToPath(new URL('./line-speed-watcher.py', import.meta.url)), hostPath], { stdio: ['ignore', 'pipe', 'inherit'] });
    process.on('SIGTERM', () => {
      watcher.kill();
      process.exit(0);
    });
    const speeds = [];
    createInterface({ input: watcher.stdout }).on('line', (line) => {
      const speed = Number(line);
      speeds.push(speed);
      report({ lineSpeed: speed });
      const [a, b, c] = speeds.slice(-4);
      if (speeds.length >= 4 && a === 110 && b === 300 && c === 110) report({ mode: speed });
      resolve();
    });
  });

if (protocol === 'truerng') stream(Number(process.env.FAKE_RNG_BIAS ?? 0.5));
if (process.env.FAKE_LINE_OF) await watchLine(process.env.FAKE_LINE_OF);
report({ ready: true });
