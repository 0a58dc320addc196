import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { initialLanguage } from './features/language/languageStore'
import { applyTheme, initialTheme } from './features/theme/themeStore'
import { startI18n } from './i18n/i18n'
import { registerSetupWizardTranslations } from './features/setupWizard/i18n'
import './styles/tokens.css'
import './styles/base.css'
import './styles/controls.css'
import './styles/layout.css'
import './styles/welcome.css'
import './styles/dialog.css'
import './styles/table.css'
import './styles/feedback.css'

applyTheme(initialTheme())
registerSetupWizardTranslations(startI18n(initialLanguage()))

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
