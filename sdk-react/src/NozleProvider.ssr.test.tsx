// @vitest-environment node
// Server rendering has no `window`: the provider must render without touching it.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NozleProvider } from './NozleProvider.js';
import { useNozleClient } from './useNozleClient.js';

function ShowBaseUrl() {
  return <span>{useNozleClient().options.baseUrl}</span>;
}

describe('<NozleProvider> on the server', () => {
  it('renders to a string without a window', () => {
    expect(typeof window).toBe('undefined');

    const html = renderToString(
      <NozleProvider options={{ publishableKey: 'pk_test_ssr', baseUrl: 'https://api.example.com' }}>
        <ShowBaseUrl />
      </NozleProvider>,
    );

    expect(html).toBe('<span>https://api.example.com</span>');
  });
});
