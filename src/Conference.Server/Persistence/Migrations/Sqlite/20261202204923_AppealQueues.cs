using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conference.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AppealQueues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Cues",
                table: "Segments",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.CreateTable(
                name: "AppealQueues",
                columns: table => new
                {
                    ConferenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppealQueues", x => x.ConferenceId);
                    table.ForeignKey(
                        name: "FK_AppealQueues_Conferences_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "Conferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Appeals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConferenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SegmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    SenderKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VideoKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ThumbnailKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VideoSizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    VideoDuration = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    VideoContainer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VideoCodec = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VideoWidth = table.Column<int>(type: "INTEGER", nullable: false),
                    VideoHeight = table.Column<int>(type: "INTEGER", nullable: false),
                    AudioCodec = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SourceUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    SubmissionLinkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appeals_AppealQueues_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "AppealQueues",
                        principalColumn: "ConferenceId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_ConferenceId_SegmentId",
                table: "Appeals",
                columns: new[] { "ConferenceId", "SegmentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appeals");

            migrationBuilder.DropTable(
                name: "AppealQueues");

            migrationBuilder.DropColumn(
                name: "Cues",
                table: "Segments");
        }
    }
}
