// fiskaly SIGN AT v1: TEST and LIVE share this host; the API key decides which one answers.
export const SIGN_AT_BASE_URL = 'https://rksv.fiskaly.com/api/v1';
