import type { AstroIntegration } from 'astro';

type InlineLimit = number | ((file: string, content: Buffer) => boolean | undefined) | undefined;

/**
 * Keeps every script an external file: Astro inlines small processed scripts, which the Content-Security-Policy
 * (astro.config.mjs), without 'unsafe-inline', would block. Other assets keep the configured limit.
 */
export default function externalScripts(): AstroIntegration {
  return {
    name: 'report-external-scripts',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const previous = config.vite?.build?.assetsInlineLimit as InlineLimit;
        const limit = (file: string, content: Buffer): boolean | undefined => {
          if (/\.[cm]?js$/.test(file)) return false;
          if (typeof previous === 'function') return previous(file, content);
          return previous === undefined ? undefined : content.length < previous;
        };
        updateConfig({ vite: { build: { assetsInlineLimit: limit } } });
      },
    },
  };
}
