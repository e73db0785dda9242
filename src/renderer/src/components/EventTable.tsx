import type { ProfileEvent } from '../../../shared/reauth';
import { formatTime } from './files';

/** Events of the audit trail, newest first; with `showProfile` for the trail of every profile. */
export function EventTable({ events, label, showProfile = false }: { events: ProfileEvent[]; label: string; showProfile?: boolean }) {
  return (
    <table className="simple-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">When</th>
          {showProfile && <th scope="col">Profile</th>}
          <th scope="col">What</th>
          <th scope="col">Outcome</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e, i) => (
          <tr key={i}>
            <td>{formatTime(e.time)}</td>
            {showProfile && <td>{e.profileId}</td>}
            <td>{e.kind}</td>
            <td>
              {e.outcome}
              {e.errorCode ? ` (${e.errorCode})` : ''}
            </td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
