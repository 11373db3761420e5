/**
 * The `dockside` command of the npm package (packages/cli): the follow-along runner with the lessons
 * compiled in. scripts/build-cli.ts bundles this file, and everything it imports, into one file with
 * no dependencies; the lessons arrive through the build's `dockside:lesson-data` module (see
 * lessonDataModule.d.ts), made from content/ at build time.
 */
import data from 'dockside:lesson-data';
import { dataLessonSource } from './lessonData.ts';
import { runProgram } from './program.ts';

// `npx @dockside-dev/cli` runs through npm exec, which sets npm_command; an installed `dockside` does not.
const command = process.env.npm_command === 'exec' ? `npx ${data.package.name}` : 'dockside';

process.exitCode = await runProgram(process.argv.slice(2), dataLessonSource(data), {
  command,
  follow: `${command} follow`,
  byDefault: 'list',
});
