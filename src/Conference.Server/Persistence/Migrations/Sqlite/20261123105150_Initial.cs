using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conference.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Conferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slogan = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ScheduledStart = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conferences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Segments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlannedDuration = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    FixedStart = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    EndMode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MediaUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    MediaDuration = table.Column<TimeSpan>(type: "TEXT", nullable: true),
                    SpeakerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SpeakerTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SpeakerCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    AwardName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AudienceMuted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConferenceId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Segments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Segments_Conferences_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "Conferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Segments_ConferenceId",
                table: "Segments",
                column: "ConferenceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Segments");

            migrationBuilder.DropTable(
                name: "Conferences");
        }
    }
}
