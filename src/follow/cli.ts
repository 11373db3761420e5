/**
 * npm run follow [-- <lesson>] [--lang ko|en] [--yes]
 * Follow a Dockside lesson step by step in your own terminal, against your own Docker, with the
 * lessons of this clone's content/. The `dockside` package (dockside.ts) is the same program with
 * the lessons compiled in.
 */
import { contentLessonSource } from './contentLessons.ts';
import { runProgram } from './program.ts';

process.exitCode = await runProgram(process.argv.slice(2), contentLessonSource(), {
  command: 'npm run follow --',
  follow: 'npm run follow --',
  byDefault: 'pick',
});
