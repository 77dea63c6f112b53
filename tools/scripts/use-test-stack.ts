// Loaded first by integration tests (Jest setupFiles) and benchmarks (node -r): points the process
// at the test stack (libs/config STACKS.test), so nothing they run writes into `./smarketing up`'s
// topics or databases.
import { useTestStack } from '../../libs/testing/src/env';

useTestStack();
