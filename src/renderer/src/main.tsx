import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installTurnGuard } from './components/turn-guard';
import { LanguageRoot } from './i18n/LanguageRoot';
import './styles.css';

// Before React's own listeners: a button that turned into its opposite ignores the press that was meant for what it was.
installTurnGuard(document);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageRoot>
      <App />
    </LanguageRoot>
  </StrictMode>,
);
