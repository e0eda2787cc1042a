import { createContext, useContext, useReducer, type Dispatch, type ReactNode } from 'react';

import { initialWizardState, wizardReducer, type WizardAction, type WizardState } from './wizard-state';

interface WizardContextValue {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
}

const WizardContext = createContext<WizardContextValue | null>(null);

export function WizardProvider({
  children,
  initial = initialWizardState,
}: {
  children: ReactNode;
  initial?: WizardState;
}) {
  const [state, dispatch] = useReducer(wizardReducer, initial);
  return <WizardContext.Provider value={{ state, dispatch }}>{children}</WizardContext.Provider>;
}

export function useWizard(): WizardContextValue {
  const value = useContext(WizardContext);
  if (!value) throw new Error('useWizard() outside <WizardProvider>');
  return value;
}
