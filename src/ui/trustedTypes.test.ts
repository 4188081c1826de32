import { describe, expect, it } from 'vitest';
import { defaultRules } from './trustedTypes.ts';

describe('the default Trusted Types policy', () => {
  const rules = defaultRules('https://executor.example');

  it('lets worker scripts come only from this origin', () => {
    expect(rules.createScriptURL('/assets/editor.worker-abc.js')).toBe('/assets/editor.worker-abc.js');
    expect(rules.createScriptURL('https://executor.example/assets/ruffWorker.js')).toBe('https://executor.example/assets/ruffWorker.js');
    expect(rules.createScriptURL('blob:https://executor.example/1234')).toBe('blob:https://executor.example/1234');
    expect(rules.createScriptURL('https://evil.example/x.js')).toBeNull();
    expect(rules.createScriptURL('blob:https://evil.example/1234')).toBeNull();
    expect(rules.createScriptURL('data:text/javascript,alert(1)')).toBeNull();
    expect(rules.createScriptURL('javascript:alert(1)')).toBeNull();
  });

  it('lets through a lone character reference as HTML, and nothing else; no script at all', () => {
    expect(rules.createHTML('&amp;')).toBe('&amp;');
    expect(rules.createHTML('&#x27;')).toBe('&#x27;');
    expect(rules.createHTML('<img src=x onerror=alert(1)>')).toBeNull();
    expect(rules.createHTML('&amp;<b>')).toBeNull();
    expect(rules.createScript()).toBeNull();
  });
});
