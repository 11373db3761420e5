/** The lessons compiled into the `dockside` package: scripts/build-cli.ts provides this module. */
declare module 'dockside:lesson-data' {
  const data: import('./lessonData.ts').LessonData;
  export default data;
}
