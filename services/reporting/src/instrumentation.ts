// Loaded first (main.ts's first import): telemetry patches http and pg, so it must start before
// anything loads them. Imports are hoisted, so this cannot be a call at the top of main.ts.
import { startTelemetry } from '@smarketing/observability';

startTelemetry({ serviceName: 'reporting' });
