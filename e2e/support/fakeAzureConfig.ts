/** The key the fake Azure OpenAI accepts (the LLM app server under test is given it; the browser must never see it). */
export const FAKE_AZURE_KEY = 'e2e-fake-azure-key-5f0c9a1d2b7e';
/** The deployment the fake knows. */
export const FAKE_AZURE_DEPLOYMENT = 'gpt-e2e';
