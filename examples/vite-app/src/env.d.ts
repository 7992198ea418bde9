/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_FRONTDESK_API_URL?: string;
  readonly VITE_FRONTDESK_KEY?: string;
}
