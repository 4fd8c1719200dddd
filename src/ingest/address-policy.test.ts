import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refusedAddress } from './address-policy.js';

test('private, loopback, link-local and other internal addresses are refused; public ones pass', () => {
  for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', 'fe80::1', 'fc00::5', '::ffff:127.0.0.1', '224.0.0.1']) {
    assert.ok(refusedAddress(a), `${a} refused`);
  }
  for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) assert.equal(refusedAddress(a), null, `${a} allowed`);
});
