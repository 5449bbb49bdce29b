// Preloaded (`node --import`) by the exit-code test: once the CLI has installed its process-level
// handlers, fails outside any command, from a timer — a thrown exception or a rejected promise
// nobody awaits, as MDA_TEST_CRASH says. Plain JavaScript: it must load without tsx.
import process from 'node:process';
import { clearInterval, setInterval } from 'node:timers';

const failure = () => new Error('deliberate failure outside any command');
const timer = setInterval(() => {
  if (process.listenerCount('uncaughtException') === 0) return;
  clearInterval(timer);
  if (process.env.MDA_TEST_CRASH === 'reject') void Promise.reject(failure());
  else throw failure();
}, 5);
