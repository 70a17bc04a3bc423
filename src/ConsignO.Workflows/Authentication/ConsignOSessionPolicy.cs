using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Authentication;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Security;
using SigningClients.Core;

namespace ConsignO.Workflows.Authentication;

/// <summary>
/// The ConsignO session: logs in (username, password, tenant; optional platform client headers) through an
/// unauthenticated pipeline, sends <c>X-Auth-Token</c> on every request (or as the form parameter of the same name for
/// downloads, built at send time so a rotated token is used), replaces the token whenever a response carries a new
/// one, logs in again before sending once the session has been idle for the configured time, and on a 401 logs in
/// once more and lets the pipeline resend. Concurrent callers share one login. Thread-safe.
/// </summary>
internal sealed class ConsignOSessionPolicy : AuthenticationPolicy
{
    /// <summary>The session token header and form parameter name.</summary>
    public const string TokenName = "X-Auth-Token";

    /// <summary>Request property: send the token as an <c>application/x-www-form-urlencoded</c> body parameter.</summary>
    public static readonly RequestProperty<bool> TokenInForm = new("ConsignO.TokenInForm");

    /// <summary>Request property: use the current token as is (no login, no re-login on 401).</summary>
    public static readonly RequestProperty<bool> CurrentTokenOnly = new("ConsignO.CurrentTokenOnly");

    // The session one request message was sent with (token and login generation): one immutable object per session,
    // shared. Per attempt: the pipeline forgets it before the next message, so a response is matched to its own message.
    private static readonly RequestProperty<Session> SentSession = new("ConsignO.SentSession", RequestPropertyScope.Attempt);

    private readonly object _gate = new();
    private readonly SigningPipeline _loginPipeline;
    private readonly ConsignOClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SecretRedactor _redactor;
    private string? _pinnedToken;
    private Session? _session;
    private long _generation;
    private DateTimeOffset _lastActivity;
    private readonly SingleFlight<Session> _login;

    public ConsignOSessionPolicy(SigningPipeline loginPipeline, ConsignOClientOptions options, TimeProvider timeProvider, SecretRedactor redactor)
    {
        _loginPipeline = loginPipeline ?? throw new ArgumentNullException(nameof(loginPipeline));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
        _login = new SingleFlight<Session>(_gate);
        _redactor.AddCredential(options.Password);
        _redactor.AddCredential(options.ClientSecret);
    }

    /// <summary>Number of logins started so far.</summary>
    public int LoginCount => _login.StartCount;

    /// <summary>Whether a session token is held (it may have expired on the server).</summary>
    public bool HasSession
    {
        get
        {
            lock (_gate)
            {
                return _session is not null;
            }
        }
    }

    /// <summary>Logs in now, replacing any current session (single-flight with concurrent logins).</summary>
    public async Task LoginAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_login.IsRunning)
            {
                _session = null;
            }
        }

        await GetSessionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets the current session (after logout).</summary>
    public void EndSession()
    {
        lock (_gate)
        {
            _session = null;
            _generation++;
        }
    }

    /// <inheritdoc />
    public override async ValueTask AuthenticateAsync(HttpRequestMessage message, SigningRequest request, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        Session session;
        if (IsSet(request, CurrentTokenOnly))
        {
            lock (_gate)
            {
                session = _session ?? throw new InvalidOperationException("There is no ConsignO session.");
            }
        }
        else
        {
            session = await GetSessionAsync(cancellationToken).ConfigureAwait(false);
        }

        request.SetProperty(SentSession, session);
        if (IsSet(request, TokenInForm))
        {
            // The download operations take the token as a form parameter; it is written here, at send time, so that a
            // token rotated since the request was described is the one sent.
            message.Content?.Dispose();
            var body = TokenName + "=" + Uri.EscapeDataString(session.Token);
            var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
            message.Content = content;
        }
        else
        {
            message.Headers.Remove(TokenName);
            message.Headers.TryAddWithoutValidation(TokenName, session.Token);
        }
    }

    /// <inheritdoc />
    public override void OnResponse(HttpResponseMessage response, SigningRequest request)
    {
        if (response is null || request is null || !request.Authenticate)
        {
            return;
        }

        var sent = request.TryGetProperty(SentSession, out var value) ? value : null;
        string? rotated = ReadToken(response);
        lock (_gate)
        {
            var current = _session;
            if (sent is null || sent.Generation != _generation || current is null)
            {
                // An answer from a session that has since been replaced or ended: it must not bring an old session back.
                return;
            }

            if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized)
            {
                _lastActivity = _timeProvider.GetUtcNow();
            }

            // Adopt a rotated token only from an answer to a request that carried the token held now (compare-and-swap).
            // Concurrent answers are processed in any order; taking every rotated token (last processed wins) could roll
            // the session back to a token older than one already sent. The adopted tokens form a chain in the server's
            // issue order, so the token the client sends never goes backwards; a superseded one at worst costs one 401
            // and one re-login.
            // A rotated token that is not a valid header value (CR/LF, non-ASCII) is never adopted: it would fail every
            // later call until the session's idle expiry.
            if (rotated is not null && !string.Equals(rotated, current.Token, StringComparison.Ordinal) &&
                string.Equals(sent.Token, current.Token, StringComparison.Ordinal) && TokenValue.IsWellFormed(rotated))
            {
                PinToken(rotated);
                _session = new Session(rotated, current.Generation);
            }
        }
    }

    /// <inheritdoc />
    public override ValueTask<bool> OnUnauthorizedAsync(HttpRequestMessage message, HttpResponseMessage response, SigningRequest request, CancellationToken cancellationToken)
    {
        if (request is null || IsSet(request, CurrentTokenOnly))
        {
            return new ValueTask<bool>(false);
        }

        var sent = request.TryGetProperty(SentSession, out var value) ? value.Token : null;
        lock (_gate)
        {
            if (_session is not null && string.Equals(_session.Token, sent, StringComparison.Ordinal))
            {
                // The server no longer accepts this session: the resend logs in again (shared with concurrent callers).
                _session = null;
            }
        }

        return new ValueTask<bool>(true);
    }

    /// <inheritdoc />
    public override string ToString() => "ConsignOSession(" + _options.Username + ")";

    // Exactly one session token — the one in use — is a long-lived credential of the redactor; the ones it replaces
    // become per-call secrets (still masked while recent), so a server that rotates or re-issues tokens without end
    // cannot grow the set of pinned secrets. Called under _gate.
    private void PinToken(string token)
    {
        _redactor.ReplaceCredential(_pinnedToken, token);
        _pinnedToken = token;
    }

    private static bool IsSet(SigningRequest request, RequestProperty<bool> flag) => request.TryGetProperty(flag, out bool value) && value;

    // The first non-blank X-Auth-Token value of the answer, trimmed (Trim returns the same string when there is
    // nothing to trim). On .NET 8+ read without validation: the values as received — what TryGetValues returns for a
    // header without a parser too — without the array and enumerator TryGetValues allocates on every answer.
    private static string? ReadToken(HttpResponseMessage response)
    {
#if NET
        if (response.Headers.NonValidated.TryGetValues(TokenName, out var values))
        {
            foreach (var value in values)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return value.Trim();
                }
            }
        }
#else
        if (response.Headers.TryGetValues(TokenName, out var values))
        {
            foreach (var value in values)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return value.Trim();
                }
            }
        }
#endif

        return null;
    }


    private bool IsUsable() =>
        _session is not null && _timeProvider.GetUtcNow() - _lastActivity < _options.SessionIdleTimeout;

    private ValueTask<Session> GetSessionAsync(CancellationToken cancellationToken)
    {
        Task<Session> login;
        lock (_gate)
        {
            if (IsUsable())
            {
                return new ValueTask<Session>(_session!);
            }

            login = _login.JoinOrStart(() => LoginCoreAsync(CancellationToken.None), StartSession);
        }

        return new ValueTask<Session>(SingleFlight<Session>.WaitAsync(login, cancellationToken));
    }

    // Under _gate, in the step that ends the login.
    private Session StartSession(string token)
    {
        _generation++;
        _session = new Session(token, _generation);
        PinToken(token);
        _lastActivity = _timeProvider.GetUtcNow();
        return _session;
    }

    private async Task<string> LoginCoreAsync(CancellationToken cancellationToken)
    {
        var request = new SigningRequest(HttpMethod.Post, "auth/login", "Login", Idempotency.Idempotent)
        {
            Authenticate = false,
            Content = RequestContent.Bytes(BuildLoginBody(), "application/json; charset=utf-8"),
        };
        if (!string.IsNullOrEmpty(_options.ClientId))
        {
            request.Headers["X-Client-Id"] = _options.ClientId!;
            request.Headers["X-Client-Secret"] = _options.ClientSecret!;
        }

        return await _loginPipeline.SendAsync(
            request,
            (response, _) =>
            {
                var token = response.GetHeader(TokenName);
                if (string.IsNullOrWhiteSpace(token))
                {
                    throw _loginPipeline.CreateException(request, response, SigningFailureKind.InvalidResponse, null, "The login answer carries no X-Auth-Token header.");
                }

                token = token!.Trim();
                if (!TokenValue.IsWellFormed(token))
                {
                    _redactor.AddSecret(token);
                    throw _loginPipeline.CreateException(request, response, SigningFailureKind.InvalidResponse, null, "The login answer's X-Auth-Token is not a valid header value (control or non-ASCII characters); it was discarded.", isTransient: true);
                }

                _redactor.AddSecret(token);
                return new ValueTask<string>(token);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private byte[] BuildLoginBody()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("username", _options.Username);
            writer.WriteString("password", _options.Password);
            if (!string.IsNullOrEmpty(_options.Tenant))
            {
                writer.WriteString(_options.TenantFieldName, _options.Tenant);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private sealed class Session
    {
        public Session(string token, long generation)
        {
            Token = token;
            Generation = generation;
        }

        public string Token { get; }

        public long Generation { get; }
    }
}
