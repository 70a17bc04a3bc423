using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;

namespace SigningClients.Core.Diagnostics;

/// <summary>
/// One HTTP request of an operation: an <see cref="ActivityKind.Client"/> span named after the method (child of the
/// operation span; .NET's own <c>System.Net.Http</c> span, when enabled, nests beneath it) and one
/// <c>http.client.request.duration</c> measurement, both with the OpenTelemetry HTTP client attributes. Ends when
/// the response headers arrived or the send failed.
/// </summary>
internal sealed class RequestTelemetry : IDisposable
{
    private readonly OperationTelemetry _operation;
    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly string _method;
    private readonly string _serverAddress;
    private readonly int _serverPort;
    private readonly string _scheme;
    private int? _status;
    private string? _errorType;

    internal RequestTelemetry(OperationTelemetry operation, HttpRequestMessage message, int resendCount)
    {
        _operation = operation;
        _method = message.Method.Method;
        var uri = message.RequestUri!;
        _serverAddress = uri.Host;
        _serverPort = uri.Port;
        _scheme = uri.Scheme;
        _activity = SigningDiagnostics.ActivitySource.StartActivity(_method, ActivityKind.Client);
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(TelemetryNames.HttpRequestMethod, _method);
            _activity.SetTag(TelemetryNames.ServerAddress, _serverAddress);
            _activity.SetTag(TelemetryNames.ServerPort, _serverPort);
            _activity.SetTag(TelemetryNames.UrlFull, OperationTelemetry.RedactUrl(uri, operation.Redactor));
            _activity.SetTag(TelemetryNames.UrlScheme, _scheme);
            if (resendCount > 0)
            {
                _activity.SetTag(TelemetryNames.HttpRequestResendCount, resendCount);
            }

            _activity.SetTag(TelemetryNames.Provider, operation.Provider);
            _activity.SetTag(TelemetryNames.Operation, operation.Operation);
        }
    }

    /// <summary>The response headers arrived.</summary>
    public void Received(HttpResponseMessage response)
    {
        int status = (int)response.StatusCode;
        _status = status;
        _operation.LastStatus = status;
        if (status >= 400)
        {
            _errorType = status.ToString(CultureInfo.InvariantCulture);
        }

        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(TelemetryNames.HttpResponseStatusCode, status);
            _activity.SetTag(TelemetryNames.NetworkProtocolVersion, response.Version.Major + "." + response.Version.Minor);
            if (_errorType is not null)
            {
                _activity.SetTag(TelemetryNames.ErrorType, _errorType);
            }
        }

        if (_errorType is not null)
        {
            _activity?.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>The send failed before a response arrived.</summary>
    /// <param name="errorType">The <c>error.type</c>: <c>timeout</c> or the exception's type.</param>
    public void Failed(string errorType)
    {
        _errorType = errorType;
        _activity?.SetTag(TelemetryNames.ErrorType, _errorType);
        _activity?.SetStatus(ActivityStatusCode.Error, _errorType);
    }

    /// <summary>Ends the span and records the request duration.</summary>
    public void Dispose()
    {
        if (SigningDiagnostics.RequestDuration.Enabled)
        {
            var tags = new TagList
            {
                { TelemetryNames.HttpRequestMethod, _method },
                { TelemetryNames.ServerAddress, _serverAddress },
                { TelemetryNames.ServerPort, _serverPort },
                { TelemetryNames.UrlScheme, _scheme },
                { TelemetryNames.Provider, _operation.Provider },
                { TelemetryNames.Operation, _operation.Operation },
            };
            if (_status is { } status)
            {
                tags.Add(TelemetryNames.HttpResponseStatusCode, status);
            }

            if (_errorType is not null)
            {
                tags.Add(TelemetryNames.ErrorType, _errorType);
            }

            SigningDiagnostics.RequestDuration.Record(OperationTelemetry.Elapsed(_started), tags);
        }

        _activity?.Dispose();
    }
}
