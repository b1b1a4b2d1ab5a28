<#ftl encoding="UTF-8">
<#function rise fold><#return {"1": "gestiegen", "2": "verdoppelt", "3": "verdreifacht"}[fold]!("auf das " + fold + "-Fache gestiegen")></#function>
<#function spikeLine s><#return (s.category?has_content)?then("Probleme „" + s.category + "“", "Probleme ohne Kategorie") + " " + rise(s.fold) + ": " + s.recent + " in 14 Tagen gegenüber " + s.before + " davor"></#function>
<#assign owed = rewardsOwed?string>
Hallo ${recipient.name},

hier ist der Netweaving-Überblick für ${period}.

  ${"Vorgeschlagene Kontakte "?right_pad(32, ".")} ${stats.proposed}
  ${"Zustimmung beider Kunden "?right_pad(32, ".")} ${stats.consented}
  ${"Vorgestellt "?right_pad(32, ".")} ${stats.introduced}
  ${"Getroffen "?right_pad(32, ".")} ${stats.met}
  ${"Abschlüsse "?right_pad(32, ".")} ${stats.won}
  ${"Auftragswert der Abschlüsse "?right_pad(32, ".")} ${stats.value}
  ${"Offene Belohnungen für Kunden "?right_pad(32, ".")} ${owed}

<#if owed == "0">
Es sind keine Belohnungen offen – alle Kunden, die sich eine verdient
haben, haben ihr Dankeschön erhalten.
<#elseif owed == "1">
Eine Belohnung wartet noch auf Ihre Freigabe oder Übergabe. Mit einer
persönlichen Nachricht kommt sie am besten an.
<#else>
${owed} Belohnungen warten noch auf Ihre Freigabe oder Übergabe. Mit
einer persönlichen Nachricht kommen sie am besten an.
</#if>
<#if (spikes![])?has_content>

Probleme der Kunden Ihres Teams, die deutlich über den 12 Wochen davor
liegen (die letzten 14 Tage):
<#list spikes as s>
  - ${spikeLine(s)}
</#list>
</#if>

Netweaving-Board öffnen:
${links.board}

-- 
Gesendet von Rapport für ${company.name}
