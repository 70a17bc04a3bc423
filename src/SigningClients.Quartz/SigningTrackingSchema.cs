using System.IO;

namespace SigningClients.Quartz;

/// <summary>
/// The Quartz.NET 4.7 PostgreSQL schema the tracking's ADO.NET store needs (tables <c>qrtz_job_details</c>,
/// <c>qrtz_triggers</c>, <c>qrtz_simple_triggers</c>, <c>qrtz_cron_triggers</c>, <c>qrtz_simprop_triggers</c>,
/// <c>qrtz_blob_triggers</c>, <c>qrtz_calendars</c>, <c>qrtz_paused_trigger_grps</c>, <c>qrtz_fired_triggers</c>,
/// <c>qrtz_scheduler_state</c>, <c>qrtz_locks</c> and the 4.x history/status tables). The same script ships in the
/// package as <c>content/Sql/tables_postgres.sql</c>. Every statement is <c>CREATE ... IF NOT EXISTS</c>: running it
/// twice is harmless; it never drops anything.
/// </summary>
public static class SigningTrackingSchema
{
    /// <summary>Returns the PostgreSQL DDL for the default table prefix <c>qrtz_</c>.</summary>
    /// <returns>The SQL script (statements separated by lines reading <c>--;;</c>; one Npgsql command runs it whole).</returns>
    public static string GetPostgreSqlScript()
    {
        using var stream = typeof(SigningTrackingSchema).Assembly.GetManifestResourceStream("SigningClients.Quartz.tables_postgres.sql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
