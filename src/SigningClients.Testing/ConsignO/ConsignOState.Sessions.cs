using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing.ConsignO;

/// <summary>
/// Sessions: a login with the user name, password, tenant and (when the platform requires it) the client id and secret
/// opens a session and issues a token. "The token expires after 30 minutes of inactivity. The integrator must
/// re-authentify if token has expired." Any answer may carry a new token that replaces the old one at once
/// (<see cref="ConsignOSimulatorOptions.RotateTokenEvery"/>).
/// </summary>
internal sealed partial class ConsignOState
{
    private readonly Dictionary<string, Session> _tokens = new(StringComparer.Ordinal);
    private readonly List<string> _issuedTokens = new();
    private int _logins;

    public int LoginCount => Read(() => _logins);

    public IReadOnlyList<string> IssuedTokens => Read(() => _issuedTokens.ToArray());

    /// <summary>Opens a session: the credentials, the tenant (when one is configured) and the platform client must match.</summary>
    /// <returns>The session's first token.</returns>
    public string Login(string? username, string? password, string? tenant, string? clientId, string? clientSecret) => Write(() =>
    {
        bool clientOk = _options.ClientId is null || (clientId == _options.ClientId && clientSecret == _options.ClientSecret);
        if (username != _options.Username || password != _options.Password || !clientOk)
        {
            throw new SimulatorStateException(SimulatorErrorKind.Unauthenticated, "Bad credentials.", "INVALID_CREDENTIALS");
        }

        if (_options.Tenant is not null && !string.Equals(tenant, _options.Tenant, StringComparison.Ordinal))
        {
            throw new SimulatorStateException(SimulatorErrorKind.Unauthenticated, "Unknown tenant '" + tenant + "'.", "INVALID_TENANT");
        }

        _logins++;
        return Issue(new Session { LastActivity = Now, Tenant = string.IsNullOrWhiteSpace(tenant) ? null : tenant });
    });

    /// <summary>
    /// Checks a token and records the activity. Refused: unknown, ended (logout, restart), idle past
    /// <see cref="ConsignOSimulatorOptions.IdleTimeout"/>, or replaced by a rotation (when
    /// <see cref="ConsignOSimulatorOptions.RejectSupersededTokens"/>).
    /// </summary>
    public Session Authenticate(string? token, string missingMessage) => Write(() =>
    {
        if (string.IsNullOrEmpty(token) || !_tokens.TryGetValue(token, out var session))
        {
            throw Unauthenticated(missingMessage);
        }

        if (session.Ended)
        {
            throw Unauthenticated("The session has ended.");
        }

        if (Now - session.LastActivity > _options.IdleTimeout)
        {
            session.Ended = true;
            throw Unauthenticated("The token expired after inactivity.");
        }

        if (_options.RejectSupersededTokens && !string.Equals(session.CurrentToken, token, StringComparison.Ordinal))
        {
            throw Unauthenticated("The token was replaced by a newer one.");
        }

        session.LastActivity = Now;
        return session;
    });

    /// <summary>Counts an authenticated answer; every <see cref="ConsignOSimulatorOptions.RotateTokenEvery"/> answers a new token replaces the session's.</summary>
    /// <returns>The new token to send, or <see langword="null"/>.</returns>
    public string? CountAnswer(Session session) => Write(() =>
    {
        session.Answers++;
        return _options.RotateTokenEvery > 0 && session.Answers % _options.RotateTokenEvery == 0 ? Issue(session) : null;
    });

    /// <summary>Ends the session of a token (logout).</summary>
    public void Logout(Session session) => Write(() => session.Ended = true);

    /// <summary>Ends every session (as if the server restarted).</summary>
    public void EndAllSessions() => Write(() =>
    {
        foreach (var session in _tokens.Values)
        {
            session.Ended = true;
        }
    });

    private static SimulatorStateException Unauthenticated(string message) => new(SimulatorErrorKind.Unauthenticated, message, "INVALID_TOKEN");

    private string Issue(Session session)
    {
        var token = "eyJhbGciOiJIUzI1NiJ9." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=') + ".sim";
        session.CurrentToken = token;
        _tokens[token] = session;
        _issuedTokens.Add(token);
        return token;
    }

    /// <summary>A login session.</summary>
    internal sealed class Session
    {
        public string CurrentToken { get; set; } = string.Empty;

        public DateTimeOffset LastActivity { get; set; }

        public long Answers { get; set; }

        public bool Ended { get; set; }

        /// <summary>The tenant named at login; <see langword="null"/> for the main tenant.</summary>
        public string? Tenant { get; init; }
    }
}
