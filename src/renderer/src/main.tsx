import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LanguageRoot } from './i18n/LanguageRoot';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageRoot>
      <App />
    </LanguageRoot>
  </StrictMode>,
);
