using Microsoft.Extensions.Options;

namespace CxReports.Server.Settings;

/// <summary>
/// Checks the settings before the server starts, naming each setting at fault and what it accepts: the ranges declared
/// on <see cref="CxrServerOptions"/> and its own checks of directories and of settings that bound each other. Written
/// by the options validation source generator.
/// </summary>
[OptionsValidator]
public sealed partial class CxrServerOptionsValidator : IValidateOptions<CxrServerOptions>;
