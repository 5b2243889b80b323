import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { Button } from './button';

interface FormButtonsProps {
  /** "Create rule", "Save"… */
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
  className?: string;
}

/** A form's submit (spinning while it is sent) and Cancel. */
export function FormButtons({ submitLabel, busy, onCancel, className = 'flex gap-2' }: FormButtonsProps) {
  return (
    <div className={className}>
      <Button type="submit" variant="primary" size="sm" disabled={busy}>
        {busy && <ButtonSpinner />}
        {submitLabel}
      </Button>
      <Button size="sm" variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
