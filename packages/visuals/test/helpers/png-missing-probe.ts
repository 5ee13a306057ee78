// Run in a child process with ./without-resvg.mjs: reports what PNG output does without resvg.
import { flowerOfLife, isPngAvailable, renderPng } from '../../src/index';

const available = await isPngAvailable();
try {
  await renderPng(flowerOfLife({ size: 64 }));
  console.log(JSON.stringify({ available, rendered: true }));
} catch (error) {
  const { code, status, message } = error as { code?: string; status?: number; message: string };
  console.log(JSON.stringify({ available, rendered: false, code, status, message }));
}
