/**
 * Closes the diagram browser when Astro is done with it. `astro build` returns without exiting
 * the process, so a browser left open would keep the build from ending; the renderer's idle timer
 * would close it too, but only a few seconds later.
 */
import type { AstroIntegration } from 'astro';
import { closeDiagramBrowser } from './renderMermaid.ts';

export function diagramsIntegration(): AstroIntegration {
  return {
    name: 'dockside:diagrams',
    hooks: {
      'astro:build:done': async () => {
        await closeDiagramBrowser();
      },
      'astro:server:done': async () => {
        await closeDiagramBrowser();
      },
    },
  };
}
