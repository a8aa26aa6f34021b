# quality-swissroll: written by toy. Redraw with: gnuplot quality-swissroll.gp
set terminal pngcairo size 1960,1660 enhanced font 'DejaVu Sans,11'
set output 'quality-swissroll.png'
set border lw 1.2
set tics out nomirror
set key top right opaque
set multiplot layout 5,5 title 'swissroll: sample quality against model evaluations (2000 samples, mean and 95% interval over 5 seeds)'
set logscale x
set xrange [6.9230769230769225:1300.0]
set grid lc rgb '#dddddd'
set autoscale yfix
set offsets 0, 0, graph 0.06, graph 0.06
set bars small
set title 'ddpm' font ',10'
unset xlabel
set ylabel "energy distance ↓\n(symmetric log, linear within ±0.0026)" font ',9'
unset logscale y
set format y '%g'
set ytics ('-26' -4.000043, '-2.6' -3.000434, '-0.26' -2.004321, '-0.026' -1.041393, '-0.0026' -0.301030, '0' 0.000000, '0.0026' 0.301030, '0.026' 1.041393, '0.26' 2.004321, '2.6' 3.000434, '26' 4.000043)
set key top right opaque box lc rgb '#bbbbbb' font ',7' samplen 3 spacing 0.85
plot 'quality-swissroll.dat' index 0 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 1 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#1f77b4' title 'ddpm', \
     'quality-swissroll.dat' index 2 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#ff7f0e' title 'ddim', \
     'quality-swissroll.dat' index 3 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#2ca02c' title 'ddim-eta1', \
     'quality-swissroll.dat' index 4 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#d62728' title 'euler', \
     'quality-swissroll.dat' index 5 using 1:2:3:4 with yerrorlines lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 6 using 1:2:3:4 with yerrorlines lw 1.5 dt (12,4,2,4,2,4) pt 4 ps 0.6 lc rgb '#8c564b' title 'dpm++2m', \
     0.3010299956639812 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title 'vp' font ',10'
unset xlabel
set ylabel "energy distance ↓\n(symmetric log, linear within ±0.0026)" font ',9'
unset logscale y
set format y '%g'
set ytics ('-26' -4.000043, '-2.6' -3.000434, '-0.26' -2.004321, '-0.026' -1.041393, '-0.0026' -0.301030, '0' 0.000000, '0.0026' 0.301030, '0.026' 1.041393, '0.26' 2.004321, '2.6' 3.000434, '26' 4.000043)
set key top right opaque box lc rgb '#bbbbbb' font ',7' samplen 3 spacing 0.85
plot 'quality-swissroll.dat' index 7 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 8 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#ff7f0e' title 'ddim', \
     'quality-swissroll.dat' index 9 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#d62728' title 'euler', \
     'quality-swissroll.dat' index 10 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 11 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#8c564b' title 'dpm++2m', \
     'quality-swissroll.dat' index 12 using 1:2:3:4 with yerrorlines lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 13 using 1:2:3:4 with yerrorlines lw 1.5 dt (12,4,2,4,2,4) pt 4 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 14 using 1:2:3:4 with yerrorlines lw 1.5 dt (16,6) pt 6 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.3010299956639812 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title 've' font ',10'
unset xlabel
set ylabel "energy distance ↓\n(symmetric log, linear within ±0.0026)" font ',9'
unset logscale y
set format y '%g'
set ytics ('-26' -4.000043, '-2.6' -3.000434, '-0.26' -2.004321, '-0.026' -1.041393, '-0.0026' -0.301030, '0' 0.000000, '0.0026' 0.301030, '0.026' 1.041393, '0.26' 2.004321, '2.6' 3.000434, '26' 4.000043)
set key top right opaque box lc rgb '#bbbbbb' font ',7' samplen 3 spacing 0.85
plot 'quality-swissroll.dat' index 15 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 16 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 17 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 18 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 19 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.3010299956639812 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title 'subvp' font ',10'
unset xlabel
set ylabel "energy distance ↓\n(symmetric log, linear within ±0.0026)" font ',9'
unset logscale y
set format y '%g'
set ytics ('-2.6' -3.000434, '-0.26' -2.004321, '-0.026' -1.041393, '-0.0026' -0.301030, '0' 0.000000, '0.0026' 0.301030, '0.026' 1.041393, '0.26' 2.004321, '2.6' 3.000434)
set key top right opaque box lc rgb '#bbbbbb' font ',7' samplen 3 spacing 0.85
plot 'quality-swissroll.dat' index 20 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 21 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 22 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 23 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.3010299956639812 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title 'ncsn' font ',10'
unset xlabel
set ylabel "energy distance ↓\n(symmetric log, linear within ±0.0026)" font ',9'
unset logscale y
set format y '%g'
set ytics ('-26' -4.000043, '-2.6' -3.000434, '-0.26' -2.004321, '-0.026' -1.041393, '-0.0026' -0.301030, '0' 0.000000, '0.0026' 0.301030, '0.026' 1.041393, '0.26' 2.004321, '2.6' 3.000434, '26' 4.000043)
set key top right opaque box lc rgb '#bbbbbb' font ',7' samplen 3 spacing 0.85
plot 'quality-swissroll.dat' index 24 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 25 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#000000' title 'annealed-langevin', \
     'quality-swissroll.dat' index 26 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#17becf' title 'langevin', \
     0.3010299956639812 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "MMD² (fixed bandwidth) ↓\n(symmetric log, linear within ±0.00054)" font ',9'
unset logscale y
set format y '%g'
set ytics ('-5.4' -4.000043, '-0.54' -3.000434, '-0.054' -2.004321, '-0.0054' -1.041393, '-0.00054' -0.301030, '0' 0.000000, '0.00054' 0.301030, '0.0054' 1.041393, '0.054' 2.004321, '0.54' 3.000434, '5.4' 4.000043)
unset key
plot 'quality-swissroll.dat' index 27 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 28 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#1f77b4' title 'ddpm', \
     'quality-swissroll.dat' index 29 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#ff7f0e' title 'ddim', \
     'quality-swissroll.dat' index 30 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#2ca02c' title 'ddim-eta1', \
     'quality-swissroll.dat' index 31 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#d62728' title 'euler', \
     'quality-swissroll.dat' index 32 using 1:2:3:4 with yerrorlines lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 33 using 1:2:3:4 with yerrorlines lw 1.5 dt (12,4,2,4,2,4) pt 4 ps 0.6 lc rgb '#8c564b' title 'dpm++2m', \
     0.3010299956639812 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "MMD² (fixed bandwidth) ↓\n(symmetric log, linear within ±0.00054)" font ',9'
unset logscale y
set format y '%g'
set ytics ('-5.4' -4.000043, '-0.54' -3.000434, '-0.054' -2.004321, '-0.0054' -1.041393, '-0.00054' -0.301030, '0' 0.000000, '0.00054' 0.301030, '0.0054' 1.041393, '0.054' 2.004321, '0.54' 3.000434, '5.4' 4.000043)
unset key
plot 'quality-swissroll.dat' index 34 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 35 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#ff7f0e' title 'ddim', \
     'quality-swissroll.dat' index 36 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#d62728' title 'euler', \
     'quality-swissroll.dat' index 37 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 38 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#8c564b' title 'dpm++2m', \
     'quality-swissroll.dat' index 39 using 1:2:3:4 with yerrorlines lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 40 using 1:2:3:4 with yerrorlines lw 1.5 dt (12,4,2,4,2,4) pt 4 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 41 using 1:2:3:4 with yerrorlines lw 1.5 dt (16,6) pt 6 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.3010299956639812 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "MMD² (fixed bandwidth) ↓\n(symmetric log, linear within ±0.00054)" font ',9'
unset logscale y
set format y '%g'
set ytics ('-5.4' -4.000043, '-0.54' -3.000434, '-0.054' -2.004321, '-0.0054' -1.041393, '-0.00054' -0.301030, '0' 0.000000, '0.00054' 0.301030, '0.0054' 1.041393, '0.054' 2.004321, '0.54' 3.000434, '5.4' 4.000043)
unset key
plot 'quality-swissroll.dat' index 42 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 43 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 44 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 45 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 46 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.3010299956639812 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "MMD² (fixed bandwidth) ↓\n(symmetric log, linear within ±0.00054)" font ',9'
unset logscale y
set format y '%g'
set ytics ('-0.54' -3.000434, '-0.054' -2.004321, '-0.0054' -1.041393, '-0.00054' -0.301030, '0' 0.000000, '0.00054' 0.301030, '0.0054' 1.041393, '0.054' 2.004321, '0.54' 3.000434)
unset key
plot 'quality-swissroll.dat' index 47 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 48 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 49 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 50 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.3010299956639812 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "MMD² (fixed bandwidth) ↓\n(symmetric log, linear within ±0.00054)" font ',9'
unset logscale y
set format y '%g'
set ytics ('-5.4' -4.000043, '-0.54' -3.000434, '-0.054' -2.004321, '-0.0054' -1.041393, '-0.00054' -0.301030, '0' 0.000000, '0.00054' 0.301030, '0.0054' 1.041393, '0.054' 2.004321, '0.54' 3.000434, '5.4' 4.000043)
unset key
plot 'quality-swissroll.dat' index 51 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 52 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#000000' title 'annealed-langevin', \
     'quality-swissroll.dat' index 53 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#17becf' title 'langevin', \
     0.3010299956639812 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "classifier accuracy → 0.5" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 54 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 55 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#1f77b4' title 'ddpm', \
     'quality-swissroll.dat' index 56 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#ff7f0e' title 'ddim', \
     'quality-swissroll.dat' index 57 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#2ca02c' title 'ddim-eta1', \
     'quality-swissroll.dat' index 58 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#d62728' title 'euler', \
     'quality-swissroll.dat' index 59 using 1:2:3:4 with yerrorlines lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 60 using 1:2:3:4 with yerrorlines lw 1.5 dt (12,4,2,4,2,4) pt 4 ps 0.6 lc rgb '#8c564b' title 'dpm++2m', \
     0.5042500000000001 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "classifier accuracy → 0.5" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 61 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 62 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#ff7f0e' title 'ddim', \
     'quality-swissroll.dat' index 63 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#d62728' title 'euler', \
     'quality-swissroll.dat' index 64 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 65 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#8c564b' title 'dpm++2m', \
     'quality-swissroll.dat' index 66 using 1:2:3:4 with yerrorlines lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 67 using 1:2:3:4 with yerrorlines lw 1.5 dt (12,4,2,4,2,4) pt 4 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 68 using 1:2:3:4 with yerrorlines lw 1.5 dt (16,6) pt 6 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.5042500000000001 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "classifier accuracy → 0.5" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 69 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 70 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 71 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 72 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 73 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.5042500000000001 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "classifier accuracy → 0.5" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 74 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 75 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 76 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 77 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.5042500000000001 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "classifier accuracy → 0.5" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 78 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 79 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#000000' title 'annealed-langevin', \
     'quality-swissroll.dat' index 80 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#17becf' title 'langevin', \
     0.5042500000000001 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "precision ↑" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 81 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 82 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#1f77b4' title 'ddpm', \
     'quality-swissroll.dat' index 83 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#ff7f0e' title 'ddim', \
     'quality-swissroll.dat' index 84 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#2ca02c' title 'ddim-eta1', \
     'quality-swissroll.dat' index 85 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#d62728' title 'euler', \
     'quality-swissroll.dat' index 86 using 1:2:3:4 with yerrorlines lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 87 using 1:2:3:4 with yerrorlines lw 1.5 dt (12,4,2,4,2,4) pt 4 ps 0.6 lc rgb '#8c564b' title 'dpm++2m', \
     0.9719999999999999 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "precision ↑" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 88 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 89 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#ff7f0e' title 'ddim', \
     'quality-swissroll.dat' index 90 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#d62728' title 'euler', \
     'quality-swissroll.dat' index 91 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 92 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#8c564b' title 'dpm++2m', \
     'quality-swissroll.dat' index 93 using 1:2:3:4 with yerrorlines lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 94 using 1:2:3:4 with yerrorlines lw 1.5 dt (12,4,2,4,2,4) pt 4 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 95 using 1:2:3:4 with yerrorlines lw 1.5 dt (16,6) pt 6 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.9719999999999999 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "precision ↑" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 96 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 97 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 98 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 99 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 100 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.9719999999999999 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "precision ↑" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 101 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 102 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 103 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 104 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.9719999999999999 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
unset xlabel
set ylabel "precision ↑" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 105 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 106 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#000000' title 'annealed-langevin', \
     'quality-swissroll.dat' index 107 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#17becf' title 'langevin', \
     0.9719999999999999 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
set xlabel 'model evaluations (NFE)' font ',9'
set ylabel "recall ↑" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 108 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 109 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#1f77b4' title 'ddpm', \
     'quality-swissroll.dat' index 110 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#ff7f0e' title 'ddim', \
     'quality-swissroll.dat' index 111 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#2ca02c' title 'ddim-eta1', \
     'quality-swissroll.dat' index 112 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#d62728' title 'euler', \
     'quality-swissroll.dat' index 113 using 1:2:3:4 with yerrorlines lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 114 using 1:2:3:4 with yerrorlines lw 1.5 dt (12,4,2,4,2,4) pt 4 ps 0.6 lc rgb '#8c564b' title 'dpm++2m', \
     0.9771000000000001 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
set xlabel 'model evaluations (NFE)' font ',9'
set ylabel "recall ↑" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 115 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 116 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#ff7f0e' title 'ddim', \
     'quality-swissroll.dat' index 117 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#d62728' title 'euler', \
     'quality-swissroll.dat' index 118 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 119 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#8c564b' title 'dpm++2m', \
     'quality-swissroll.dat' index 120 using 1:2:3:4 with yerrorlines lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 121 using 1:2:3:4 with yerrorlines lw 1.5 dt (12,4,2,4,2,4) pt 4 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 122 using 1:2:3:4 with yerrorlines lw 1.5 dt (16,6) pt 6 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.9771000000000001 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
set xlabel 'model evaluations (NFE)' font ',9'
set ylabel "recall ↑" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 123 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 124 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'quality-swissroll.dat' index 125 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 126 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 127 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.9771000000000001 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
set xlabel 'model evaluations (NFE)' font ',9'
set ylabel "recall ↑" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 128 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 129 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'quality-swissroll.dat' index 130 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'quality-swissroll.dat' index 131 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#bcbd22' title 'ode', \
     0.9771000000000001 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
set title '' font ',10'
set xlabel 'model evaluations (NFE)' font ',9'
set ylabel "recall ↑" font ',9'
unset logscale y
set format y '%g'
set ytics auto
unset key
plot 'quality-swissroll.dat' index 132 using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle, \
     'quality-swissroll.dat' index 133 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#000000' title 'annealed-langevin', \
     'quality-swissroll.dat' index 134 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#17becf' title 'langevin', \
     0.9771000000000001 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data (95% band)'
unset multiplot
unset output
