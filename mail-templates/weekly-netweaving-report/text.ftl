<#ftl encoding="UTF-8">
<#function rise fold><#return {"1": "rose", "2": "doubled", "3": "tripled"}[fold]!("rose " + fold + "-fold")></#function>
<#function spikeLine s><#return (s.category?has_content)?then(s.category + " problems", "Problems without a category") + " " + rise(s.fold) + ": " + s.recent + " in 14 days against " + s.before + " before"></#function>
<#assign owed = rewardsOwed?string>
Hello ${recipient.name},

Here is how netweaving went for ${period}.

  ${"Introductions proposed "?right_pad(32, ".")} ${stats.proposed}
  ${"Consented by both customers "?right_pad(32, ".")} ${stats.consented}
  ${"Introduced "?right_pad(32, ".")} ${stats.introduced}
  ${"Met "?right_pad(32, ".")} ${stats.met}
  ${"Deals won "?right_pad(32, ".")} ${stats.won}
  ${"Value of deals won "?right_pad(32, ".")} ${stats.value}
  ${"Rewards owed to customers "?right_pad(32, ".")} ${owed}

<#if owed == "0">
No rewards are waiting – every customer who earned one has been
thanked.
<#elseif owed == "1">
1 reward is still waiting to be approved or fulfilled. A personal note
makes it count.
<#else>
${owed} rewards are still waiting to be approved or fulfilled. A personal
note makes them count.
</#if>
<#if (spikes![])?has_content>

Problems of your team's customers that stand well above the 12 weeks
before (the last 14 days):
<#list spikes as s>
  - ${spikeLine(s)}
</#list>
</#if>

Open the netweaving board:
${links.board}

-- 
Sent by Rapport for ${company.name}
