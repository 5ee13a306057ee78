import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './is-same-origin';

describe('isSameOrigin', () => {
  it('accepts the page origin of a loopback or IP-literal Host, nothing else', () => {
    expect(isSameOrigin('http://127.0.0.1:8000', '127.0.0.1:8000')).toBe(true);
    expect(isSameOrigin('http://localhost:5000', 'LOCALHOST:5000')).toBe(true);
    expect(isSameOrigin('http://[::1]:8000', '[::1]:8000')).toBe(true);
    expect(isSameOrigin('https://192.168.1.20', '192.168.1.20')).toBe(true);
    expect(isSameOrigin('http://127.0.0.1:8000', '127.0.0.1:8001')).toBe(false);
    expect(isSameOrigin('http://vajra.example', 'vajra.example')).toBe(false);
    expect(isSameOrigin('http://999.1.1.1', '999.1.1.1')).toBe(false);
    expect(isSameOrigin('null', '127.0.0.1:8000')).toBe(false);
    expect(isSameOrigin('file:///x', '')).toBe(false);
    expect(isSameOrigin('http://127.0.0.1:8000', null)).toBe(false);
  });
});
