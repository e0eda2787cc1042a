import { Container, Stepper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckStep } from '../check/CheckStep';
import { ConnectStep } from '../connect/ConnectStep';
import { FileStep } from '../file/FileStep';
import { MapStep } from '../map/MapStep';
import { ResultsStep } from '../results/ResultsStep';
import { RunStep } from '../run/RunStep';
import { useWizard } from './wizard-context';
import { canEnter, STEPS, type StepId } from './wizard-state';

/** Where the skip link takes the keyboard: the current step's screen, below the stepper. */
export const STEP_CONTENT_ID = 'step-content';

/** One step a screen, the stepper always showing where the operator is. */
export function Wizard() {
  const { t } = useTranslation();
  const { state, dispatch } = useWizard();
  const active = STEPS.indexOf(state.step);

  return (
    <Container size="xl" px={0}>
      <Stepper
        active={active}
        onStepClick={(index) => {
          const step = STEPS[index];
          if (step) dispatch({ type: 'go', step });
        }}
        size="sm"
        mb="lg"
        aria-label={t('wizard.steps')}
      >
        {STEPS.map((step) => (
          <Stepper.Step
            key={step}
            label={t(`steps.${step}.label`)}
            description={t(`steps.${step}.description`)}
            allowStepSelect={canEnter(state, step)}
            aria-current={step === state.step ? 'step' : undefined}
            data-testid={`step-${step}`}
          />
        ))}
      </Stepper>
      <div id={STEP_CONTENT_ID} tabIndex={-1} className="carga-step-content">
        <StepScreen key={`${state.step}:${state.jobId ?? ''}`} step={state.step} />
      </div>
    </Container>
  );
}

function StepScreen({ step }: { step: StepId }) {
  switch (step) {
    case 'connect':
      return <ConnectStep />;
    case 'file':
      return <FileStep />;
    case 'map':
      return <MapStep />;
    case 'check':
      return <CheckStep />;
    case 'run':
      return <RunStep />;
    case 'results':
      return <ResultsStep />;
  }
}
