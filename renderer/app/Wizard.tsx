import { Center, Container, Loader, Stepper } from '@mantine/core';
import { lazy, Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';

import { useWizard } from './wizard-context';
import { canEnter, STEPS, type StepId } from './wizard-state';

/** Where the skip link takes the keyboard: the current step's screen, below the stepper. */
export const STEP_CONTENT_ID = 'step-content';

/** One step a screen, the stepper always showing where the operator is. */
export function Wizard() {
  const { t } = useTranslation();
  const { state, dispatch } = useWizard();
  const active = STEPS.indexOf(state.step);

  useEffect(() => {
    // Once the first screen is up; a failed fetch shows again when that step is opened.
    preloadSteps().catch(() => {});
  }, []);

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

// Each step is its own chunk: the first screen paints without the code of the five others (the
// results grid, the mapping editor…), which are fetched once it is up.
const LOADERS: Record<StepId, () => Promise<{ default: ComponentType }>> = {
  connect: () => import('../connect/ConnectStep').then((module) => ({ default: module.ConnectStep })),
  file: () => import('../file/FileStep').then((module) => ({ default: module.FileStep })),
  map: () => import('../map/MapStep').then((module) => ({ default: module.MapStep })),
  check: () => import('../check/CheckStep').then((module) => ({ default: module.CheckStep })),
  run: () => import('../run/RunStep').then((module) => ({ default: module.RunStep })),
  results: () => import('../results/ResultsStep').then((module) => ({ default: module.ResultsStep })),
};
const loaded = new Map<StepId, ComponentType>();
const LAZY = Object.fromEntries(STEPS.map((step) => [step, lazy(() => load(step))])) as Record<
  StepId,
  LazyExoticComponent<ComponentType>
>;

function load(step: StepId): Promise<{ default: ComponentType }> {
  return LOADERS[step]().then((module) => {
    loaded.set(step, module.default);
    return module;
  });
}

/** Loads every step's code, so moving to the next step never waits for it. */
export function preloadSteps(): Promise<unknown> {
  return Promise.all(STEPS.map(load));
}

function StepScreen({ step }: { step: StepId }) {
  const { t } = useTranslation();
  // Code already here renders at once (React.lazy would suspend for a moment and throttle the
  // reveal); chosen once per screen, so the screen is never swapped under the operator.
  const [Screen] = useState<ComponentType>(() => loaded.get(step) ?? LAZY[step]);
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader aria-label={t('startup.loading')} />
        </Center>
      }
    >
      <Screen />
    </Suspense>
  );
}
