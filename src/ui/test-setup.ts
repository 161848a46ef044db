import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library only cleans up by itself when the test framework exposes globals; we don't.
afterEach(() => cleanup());
