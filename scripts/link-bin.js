// Links the CLI into node_modules/.bin so that `npx parallax` and tools that look there find it.
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const binDir = join('node_modules', '.bin');
if (existsSync('node_modules')) {
  mkdirSync(binDir, { recursive: true });
  const link = join(binDir, 'parallax');
  rmSync(link, { force: true });
  symlinkSync(join('..', '..', 'bin', 'parallax.js'), link);
}
