// Report submissions as the scale benchmarks send them: each on a slot of its own (a task and the cookie of the
// account that reports on it), so no submission is refused as a second report of its period.

/**
 * Every region's slots for the tasks its lead `units` lead, reported by each unit's `who` (`reporter` or `head`,
 * as named in generate.mjs's layout), interleaved so consecutive requests go to different regions.
 */
export function slotsOf(layout, cookies, units, who = 'reporter') {
  const perRegion = layout.regions.map((r) =>
    units.flatMap((u) => r.tasksLedBy(u).map((task) => ({ task, cookie: cookies.get(r[who](u)) }))),
  );
  const slots = [];
  for (let i = 0; i < perRegion[0].length; i++) for (const list of perRegion) slots.push(list[i]);
  return slots;
}

/** An autocannon request's setup: the next slot, this month's report on it (`context.kind` marks it a write). */
export function submission(slots, period) {
  let n = 0;
  return (req, context) => {
    const slot = slots[n++ % slots.length];
    context.kind = 'write';
    return {
      ...req,
      method: 'POST',
      path: `/api/tasks/${slot.task}/reports`,
      headers: { cookie: slot.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ period, progress: 60, narrative: '本月按计划推进，完成阶段性工作。' }),
    };
  };
}
