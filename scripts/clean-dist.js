// Removes the previous build, so that a deleted source file leaves no compiled test or page behind.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
