// A signal shared by the Goals page and the project header: the header shows the leading goal's
// latest reading, and the Goals page bumps this whenever a reading or a goal's numbers change,
// so the header fetches it again without the two components knowing each other.

class LeadingSignal {
  /** Increases on every change that may alter the leading goal's reading or status. */
  version = $state(0)

  bump(): void {
    this.version++
  }
}

export const leading = new LeadingSignal()
