import { tallySentence } from '../../../domain/meetings.js';
import type { Actor } from '../../../services/actor.js';
import type { MeetingFileRow, MeetingView } from '../../../services/meeting-service.js';
import * as meetingPolicy from '../../../services/policies/meeting.js';
import type { Meeting, MeetingFile, MeetingSummary } from './schema.js';

export function presentMeetingSummary(v: MeetingView): MeetingSummary {
  const m = v.meeting;
  return {
    id: m.id,
    kind: m.kind,
    heldOn: m.held_on,
    topic: m.topic,
    tally: { ...v.tally, sentence: tallySentence(v.tally) },
    version: m.version,
  };
}

export function presentMeeting(v: MeetingView, actor: Actor): Meeting {
  return {
    ...presentMeetingSummary(v),
    units: v.units,
    leaders: v.leaders,
    minutes: v.meeting.minutes,
    files: v.files.map(presentMeetingFile),
    decisions: v.decisions.map((d) => ({
      id: d.decision.id,
      seq: d.decision.seq,
      content: d.decision.content,
      state: d.state,
      directiveId: d.directiveId,
      taskId: d.decision.task_id,
    })),
    can: meetingPolicy.actionsOn(actor, { regionId: v.meeting.region_id }),
  };
}

export function presentMeetingFile(f: MeetingFileRow): MeetingFile {
  return { id: f.id, filename: f.filename, mime: f.mime, size: f.size, createdAt: f.created_at };
}
