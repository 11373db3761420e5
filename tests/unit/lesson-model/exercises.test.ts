/** Exercises (docs/practice.md): what the lesson model accepts, and the error for each mistake. */
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { collectExercises } from '../../../src/lesson-model/exercises.ts';
import { collectCommandBlocks } from '../../../src/lesson-model/lessonBlocks.ts';

const FENCE = '```';
const solution = `${FENCE}console exercise=solution\n$ docker run -d --name ds-try-one busybox:1.37 sleep 600\n{{id}}\n${FENCE}`;
const check = `${FENCE}console exercise=check\n$ docker container inspect -f '{{.State.Status}}' ds-try-one\nrunning\n${FENCE}`;
const cleanup = `${FENCE}console cleanup\n$ docker rm -f ds-try-one\nds-try-one\n${FENCE}`;

function exercisesOf(text: string) {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(text) as Root;
  return collectExercises(tree, 'lesson.mdx', collectCommandBlocks(tree, 'lesson.mdx'));
}

const exercise = (inside: string[], title = 'Start a named container') =>
  [`<Exercise title="${title}">`, '', ...inside, '', '</Exercise>'].join('\n\n');

describe('a well-formed exercise', () => {
  it('has its title, task, hints, solution and check', () => {
    const [found, ...more] = exercisesOf(
      [
        exercise([
          'Start a busybox container named `ds-try-one`.',
          '- It keeps running.',
          '<Hint>`sleep 600` keeps it busy.</Hint>',
          solution,
          check,
        ]),
        '## Clean up',
        cleanup,
      ].join('\n\n'),
    );
    expect(more).toEqual([]);
    expect(found).toMatchObject({
      title: 'Start a named container',
      line: 1,
      task: ['Start a busybox container named ds-try-one.', '- It keeps running.'],
      hints: ['sleep 600 keeps it busy.'],
    });
    expect(found!.solution.map(({ block }) => block.exercise)).toEqual(['solution']);
    expect(found!.check.map(({ block }) => block.commands[0]!.text)).toEqual([
      "docker container inspect -f '{{.State.Status}}' ds-try-one",
    ]);
  });

  it('takes a PowerShell tab beside the bash solution, bash first', () => {
    const powershell = `${FENCE}console shell=powershell exercise=solution\nPS> docker run -d --name ds-try-one busybox:1.37 sleep 600\n{{id}}\n${FENCE}`;
    const [found] = exercisesOf(exercise(['Do it.', powershell, solution, check]));
    expect(found!.solution.map(({ block }) => block.shell)).toEqual(['bash', 'powershell']);
  });
});

describe('mistakes, each with the line and what to write', () => {
  const cases: [string, string, RegExp][] = [
    [
      'no title',
      ['<Exercise>', '', 'Do it.', '', solution, '', check, '', '</Exercise>'].join('\n'),
      /1: <Exercise> has no title/,
    ],
    ['no task', exercise([solution, check]), /has no task/],
    ['no solution', exercise(['Do it.', check]), /has no bash solution block/],
    ['no check', exercise(['Do it.', solution]), /has no bash check block.*exercise=check/],
    ['two checks', exercise(['Do it.', solution, check, check]), /has 2 bash check blocks/],
    ['check first', exercise(['Do it.', check, solution]), /the check comes before the solution/],
    [
      'a block without a role',
      exercise(['Do it.', solution, check, `${FENCE}console\n$ docker ps\n${FENCE}`]),
      /a command block inside <Exercise> has no role/,
    ],
    ['a role outside', ['Do it.', check].join('\n\n'), /an exercise=check block outside an <Exercise>/],
    [
      'a hint outside',
      ['<Hint>Try -d.</Hint>', exercise(['Do it.', solution, check])].join('\n\n'),
      /a <Hint> outside an <Exercise>/,
    ],
    [
      'a check that expects a failure',
      exercise(['Do it.', solution, check.replace('exercise=check', 'exercise=check exit=1')]),
      /expects exit=1/,
    ],
    [
      'after the cleanup',
      [cleanup, exercise(['Do it.', solution, check])].join('\n\n'),
      /comes after the lesson's cleanup block \(line 1\)/,
    ],
  ];
  it.each(cases)('%s', (_name, text, error) => {
    expect(() => exercisesOf(text)).toThrow(error);
  });

  it('an unknown role names the roles', () => {
    expect(() => exercisesOf(exercise(['Do it.', solution.replace('=solution', '=answer'), check]))).toThrow(
      /exercise=answer is not a role.*exercise=solution or exercise=check/,
    );
  });
});
